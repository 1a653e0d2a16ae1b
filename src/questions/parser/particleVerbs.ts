import { Measure } from '../../domain/reading';

/** A verb whose particle stands apart from it ("gjorde Bryggan av med", "fick förbundet in", "gick vi plus"), and what they ask together. */
interface ParticleVerb {
  readonly verb: RegExp;
  /** How far after the verb the particle may stand, in tokens. */
  readonly within: readonly [number, number];
  /** The number of tokens the particle takes at j (0: none there). */
  readonly particle: (tokens: readonly string[], j: number) => number;
  /** The only words that may stand between verb and particle, when not any. */
  readonly between?: RegExp;
  readonly measure: Measure;
  /** Measures already read that leave the question as it is. */
  readonly unless: readonly Measure[];
  /** Words that make the phrase about something other than money ("vilka ansökningar kom in?"). */
  readonly notWith?: RegExp;
  /** Whether the measure replaces the budget line the verb alone names ("fick" is "got"). */
  readonly replacesLine: boolean;
}

const PARTICLE_VERBS: readonly ParticleVerb[] = [
  // "vad gjorde Bryggan av med 2024?", "Vad gjorde En väg in - steget vidare av med 2024?": the utfall.
  {
    verb: /^(gjorde|gor|gjort)$/,
    within: [2, 7],
    particle: (t, j) => (t[j] === 'av' && t[j + 1] === 'med' ? 2 : 0),
    measure: 'actual',
    unless: ['actual'],
    replacesLine: false,
  },
  // "vad fick förbundet in totalt 2023?": the income ("tar vi med in i 2027" carries over, "in till" goes somewhere).
  {
    verb: /^(fick|far|fatt|fa|kom|kommer)$/,
    within: [1, 3],
    particle: (t, j) => (t[j] === 'in' && !/^(i|till|pa|into)$/.test(t[j + 1] ?? '') ? 1 : 0),
    measure: 'income',
    unless: ['income', 'carriedIn'],
    notWith: /^(ansokan|ansokningar|ansokningarna|insats|insatser|nya)$/,
    replacesLine: true,
  },
  // "hur mycket fick vi ut 2024?", "hur mycket tog insatserna ut totalt?": what was paid out, the utfall ("tog ut i medlemsavgift" is the fee).
  {
    verb: /^(fick|fatt|tog|tagit)$/,
    within: [1, 3],
    particle: (t, j) => (t[j] === 'ut' ? 1 : 0),
    measure: 'actual',
    unless: ['actual', 'membershipFee'],
    replacesLine: true,
  },
  // "gick vi plus 2025?", "hur mycket gick förbundet back 2024?", "blir det plus 2028 då?": the year's result.
  {
    verb: /^(gick|gar|ga|gatt|blir|blev)$/,
    within: [1, 3],
    particle: (t, j) => (/^(plus|back|minus)$/.test(t[j] ?? '') ? 1 : 0),
    between: /^(vi|forbundet|samordningsforbundet|det|val|ju|verksamheten|med|20\d\d)$/,
    measure: 'result',
    unless: ['result'],
    replacesLine: false,
  },
];

/** The measures with those the particle verbs name put first; their tokens are marked cued and used. */
export function readParticleVerbs(tokens: readonly string[], measures: Measure[], cuedAt: Map<Measure, number[]>, used: Set<number>): Measure[] {
  let read = measures;
  for (const p of PARTICLE_VERBS) {
    if (p.notWith && tokens.some((t) => p.notWith?.test(t))) continue;
    tokens.forEach((t, i) => {
      if (!p.verb.test(t) || p.unless.some((m) => read.includes(m))) return;
      for (let j = i + p.within[0]; j <= i + p.within[1] && j < tokens.length; j += 1) {
        const length = p.particle(tokens, j);
        if (length === 0 || (p.between && !tokens.slice(i + 1, j).every((w) => p.between?.test(w)))) continue;
        const at = [i, ...Array.from({ length }, (_, k) => j + k)];
        read = p.replacesLine ? [p.measure, ...read.filter((m) => m !== 'line')] : [p.measure, ...read];
        cuedAt.set(p.measure, at);
        at.forEach((k) => used.add(k));
        return;
      }
    });
  }
  return read;
}
