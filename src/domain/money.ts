/**
 * Money is whole kronor held in a plain number. Every function here keeps that
 * invariant: rounding is explicit and splits are exact (largest remainder).
 */
export type Kronor = number;

export function isKronor(value: unknown): value is Kronor {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function assertKronor(value: number, what: string): Kronor {
  if (!isKronor(value)) throw new RangeError(`${what} is not whole kronor: ${value}`);
  return value;
}

/** Rounds half away from zero, the way printed Swedish tables round (2.5 -> 3, -2.5 -> -3). */
export function roundHalfAwayFromZero(value: number): number {
  const rounded = Math.round(Math.abs(value));
  return value < 0 ? -rounded : rounded;
}

/** Converts an amount given in `unit` to whole kronor. */
export function toKronor(amount: number, unit: 'kr' | 'tkr'): Kronor {
  const kronor = unit === 'tkr' ? amount * 1000 : amount;
  // Correct binary artefacts such as 2.753 * 1000 = 2752.9999999999995 before rounding.
  return roundHalfAwayFromZero(Number(kronor.toFixed(6)));
}

/** Rounds kronor to whole thousands for display in tkr. */
export function toWholeTkr(amount: Kronor): number {
  return roundHalfAwayFromZero(amount / 1000);
}

export function sum(amounts: readonly Kronor[]): Kronor {
  let total = 0;
  for (const amount of amounts) total += amount;
  return total;
}

/**
 * Splits `total` kronor in proportion to `weights` so that the parts add up to
 * `total` exactly: every part gets the floor of its share, and the kronor left
 * over go one each to the largest remainders. Ties go to the larger weight, then
 * to the earlier one, so the parts do not depend on the order the weights come in.
 */
export function splitByLargestRemainder(total: Kronor, weights: readonly number[]): Kronor[] {
  assertKronor(total, 'total');
  if (weights.length === 0) throw new RangeError('at least one weight is needed');
  if (weights.some((w) => !(w >= 0) || !Number.isFinite(w))) throw new RangeError('weights must be finite and >= 0');
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weightSum <= 0) throw new RangeError('the weights must not all be zero');
  const sign = total < 0 ? -1 : 1;
  const magnitude = Math.abs(total);
  // BigInt keeps the products exact for any kronor total and integer weights.
  const exact = weights.every((w) => Number.isSafeInteger(w)) && Number.isSafeInteger(weightSum);
  const parts: { index: number; weight: number; floor: number; remainder: number }[] = weights.map((w, index) => {
    if (exact) {
      const product = BigInt(magnitude) * BigInt(w);
      const divisor = BigInt(weightSum);
      return { index, weight: w, floor: Number(product / divisor), remainder: Number(product % divisor) / weightSum };
    }
    const share = (magnitude * w) / weightSum;
    return { index, weight: w, floor: Math.floor(share), remainder: share - Math.floor(share) };
  });
  let leftOver = magnitude - parts.reduce((a, p) => a + p.floor, 0);
  const byRemainder = [...parts].sort((a, b) => b.remainder - a.remainder || b.weight - a.weight || a.index - b.index);
  const result = parts.map((p) => p.floor);
  for (const part of byRemainder) {
    if (leftOver <= 0) break;
    result[part.index] = (result[part.index] ?? 0) + 1;
    leftOver -= 1;
  }
  return result.map((v) => v * sign);
}

/** Whole percent of numerator / denominator, rounded half up; undefined when the denominator is 0. */
export function wholePercent(numerator: number, denominator: number): number | undefined {
  if (denominator === 0) return undefined;
  // Integer arithmetic: round(100 * n / d) half away from zero without float drift.
  const n = BigInt(Math.round(numerator));
  const d = BigInt(Math.round(denominator));
  const negative = n < 0n !== d < 0n;
  const absN = n < 0n ? -n : n;
  const absD = d < 0n ? -d : d;
  const rounded = (200n * absN + absD) / (2n * absD);
  return Number(negative ? -rounded : rounded);
}
