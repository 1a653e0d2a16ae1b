import { Measure } from '../../domain/reading';

/** What a word means, in the words of the förbund's own papers, and a question that shows its figure. */
export interface Meaning {
  readonly term: string;
  readonly text: string;
  readonly example?: string;
}

/** "Vad betyder …?": no figure, the meaning. */
const MEANINGS: Partial<Record<Measure, Meaning>> = {
  remaining: {
    term: 'beslutsutrymme',
    text: 'Kvarvarande beslutsutrymme är de pengar styrelsen ännu kan besluta om för ett visst år: överskott från tidigare år + årets intäkter − årets kostnader i den ekonomiska informationen.',
    example: 'beslutsutrymme 2027',
  },
  carriedIn: {
    term: 'överskott från tidigare år',
    text: 'Över-/underskott från tidigare år (ackumulerat överskott) är det förbundet tar med sig in i året från tidigare år; det är föregående års kvarvarande beslutsutrymme.',
    example: 'överskott från tidigare år 2026',
  },
  result: { term: 'resultat', text: 'Årets resultat är årets intäkter minus årets kostnader.', example: 'resultat 2026' },
  income: {
    term: 'intäkter',
    text: 'Intäkterna är medlemmarnas avgifter (staten hälften, regionen en fjärdedel, kommunerna en fjärdedel) och andra intäkter.',
    example: 'intäkter 2027',
  },
  costs: { term: 'kostnader', text: 'Kostnaderna är insatserna, förvaltningen och de förtroendevalda tillsammans (S:a kostnader).', example: 'kostnader 2027' },
  line: {
    term: 'budget',
    text: 'Budgeten för en insats är det belopp styrelsen har beviljat den för ett år; prognosen är den senaste bedömningen av vad det blir.',
    example: 'budget Bryggan 2027',
  },
  utilisation: {
    term: 'förbrukningsgrad',
    text: 'Förbrukningsgraden är utfallet delat med den beviljade budgeten för året, i procent.',
    example: 'förbrukningsgrad Växtkraft 2025',
  },
  actual: { term: 'utfall', text: 'Utfallet är vad en insats har rekvirerat och använt under året.', example: 'utfall Växtkraft 2025' },
  unused: {
    term: 'outnyttjade medel',
    text: 'Outnyttjade medel är det insatserna inte använde av sin budget ett år; de går tillbaka till förbundet.',
    example: 'outnyttjade medel 2025',
  },
  membershipFee: {
    term: 'medlemsavgift',
    text: 'Medlemsavgiften är det varje medlem betalar till förbundet: staten hälften, regionen en fjärdedel och kommunerna en fjärdedel.',
    example: 'medlemsavgift Knivsta 2025',
  },
  soliditet: { term: 'soliditet', text: 'Soliditeten är eget kapital delat med totalt kapital, i procent.', example: 'soliditet 2025' },
  kassalikviditet: {
    term: 'kassalikviditet',
    text: 'Kassalikviditeten är omsättningstillgångar delat med kortfristiga skulder, i procent.',
    example: 'kassalikviditet 2025',
  },
  equity: { term: 'eget kapital', text: 'Eget kapital är förbundets tillgångar minus skulder vid årets slut.', example: 'eget kapital 2025' },
  reserveFund: {
    term: 'reservfond',
    text: 'Reservfonden är en del av det egna kapitalet som är bunden och inte räknas in i beslutsutrymmet.',
    example: 'reservfond',
  },
};

const ALL_TERMS: Meaning = {
  term: 'begreppen',
  text: 'Jag förklarar förbundets ekonomiska begrepp: beslutsutrymme, resultat, intäkter, kostnader, budget och prognos, utfall, förbrukningsgrad, medlemsavgift, soliditet, kassalikviditet, eget kapital och reservfond. Skriv till exempel "vad betyder förbrukningsgrad?".',
};

export function meaningOf(measure: Measure | undefined): Meaning {
  return (measure && MEANINGS[measure]) || ALL_TERMS;
}
