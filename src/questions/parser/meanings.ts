import { Measure } from '../../domain/reading';

/** "Vad betyder …?": what the förbund's words mean, in the words of its own papers; no figure. */
const MEANINGS: Partial<Record<Measure, string>> = {
  remaining:
    'Kvarvarande beslutsutrymme är de pengar styrelsen ännu kan besluta om ett år: överskott från tidigare år + årets intäkter − årets kostnader i den ekonomiska informationen. Siffran: skriv till exempel "beslutsutrymme 2027".',
  carriedIn:
    'Över-/underskott från tidigare år (ackumulerat överskott) är det förbundet tar med sig in i året från åren före; det är föregående års kvarvarande beslutsutrymme. Siffran: "överskott från tidigare år 2026".',
  result: 'Årets resultat är årets intäkter minus årets kostnader. Siffran: "resultat 2026".',
  income: 'Intäkterna är medlemmarnas avgifter (staten hälften, regionen en fjärdedel, kommunerna en fjärdedel) och andra intäkter. Siffran: "intäkter 2027".',
  costs: 'Kostnaderna är insatserna, förvaltningen och de förtroendevalda tillsammans (S:a kostnader). Siffran: "kostnader 2027".',
  line: 'Budgeten för en insats är det belopp styrelsen har beviljat den för ett år; prognosen är den senaste bedömningen av vad det blir. Siffran: "budget Bryggan 2027".',
  utilisation: 'Förbrukningsgraden är utfallet delat med den beviljade budgeten för året, i procent. Siffran: "förbrukningsgrad Växtkraft 2025".',
  actual: 'Utfallet är vad en insats har rekvirerat och använt under året. Siffran: "utfall Växtkraft 2025".',
  unused: 'Outnyttjade medel är det insatserna inte använde av sin budget ett år; de går tillbaka till förbundet. Siffran: "outnyttjade medel 2025".',
  membershipFee:
    'Medlemsavgiften är det varje medlem betalar till förbundet: staten hälften, regionen en fjärdedel och kommunerna en fjärdedel. Siffran: "medlemsavgift Knivsta 2025".',
  soliditet: 'Soliditeten är eget kapital delat med totalt kapital, i procent. Siffran: "soliditet 2025".',
  kassalikviditet: 'Kassalikviditeten är omsättningstillgångar delat med kortfristiga skulder, i procent. Siffran: "kassalikviditet 2025".',
  equity: 'Eget kapital är förbundets tillgångar minus skulder vid årets slut. Siffran: "eget kapital 2025".',
  reserveFund: 'Reservfonden är en del av det egna kapitalet som är bunden och inte räknas in i beslutsutrymmet. Siffran: "reservfond".',
};

/** What a word means, and a question that shows its figure. */
export interface Meaning {
  readonly text: string;
  readonly example?: string;
}

export function meaningOf(measure: Measure | undefined): Meaning {
  const known = measure ? MEANINGS[measure] : undefined;
  if (!known)
    return {
      text: 'Jag förklarar förbundets ekonomiska begrepp: beslutsutrymme, resultat, intäkter, kostnader, budget och prognos, utfall, förbrukningsgrad, medlemsavgift, soliditet, kassalikviditet, eget kapital och reservfond. Skriv till exempel "vad betyder förbrukningsgrad?".',
    };
  const example = /Siffran: "([^"]+)"\.?$/.exec(known);
  return example ? { text: known.slice(0, example.index).trim(), example: example[1] as string } : { text: known };
}
