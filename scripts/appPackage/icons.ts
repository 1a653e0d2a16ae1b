import { Rgba } from './png';

/** The app's accent colour (manifest accentColor) as RGB. */
export const ACCENT = [0x1f, 0x6f, 0x5c] as const;

/** Three rising bars on a baseline: a budget chart, the bot's subject. Coordinates on a 32-unit grid. */
const BARS = [
  { x0: 7, x1: 12, top: 17 },
  { x0: 14, x1: 19, top: 12 },
  { x0: 21, x1: 26, top: 7 },
];
const BASELINE = { x0: 5, x1: 28, y0: 25, y1: 27 };

function isMark(u: number, v: number): boolean {
  if (u >= BASELINE.x0 && u < BASELINE.x1 && v >= BASELINE.y0 && v < BASELINE.y1) return true;
  return BARS.some((b) => u >= b.x0 && u < b.x1 && v >= b.top && v < BASELINE.y0);
}

function draw(size: number, background: readonly [number, number, number, number]): Rgba {
  const pixels = new Uint8Array(size * size * 4);
  const scale = 32 / size;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const mark = isMark(Math.floor(x * scale), Math.floor(y * scale));
      pixels.set(mark ? [255, 255, 255, 255] : background, (y * size + x) * 4);
    }
  }
  return { width: size, height: size, pixels };
}

/** color.png: 192×192, white chart on the accent colour. */
export const colorIcon = (): Rgba => draw(192, [...ACCENT, 255]);

/** outline.png: 32×32, white chart on transparent, as Teams requires. */
export const outlineIcon = (): Rgba => draw(32, [0, 0, 0, 0]);
