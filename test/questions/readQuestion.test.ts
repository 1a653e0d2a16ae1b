import assert from 'assert/strict';
import fc from 'fast-check';
import { parseLedgerFile } from '../../src/importer/ledgerFile';
import { Interpretation, interpret } from '../../src/questions/parser/interpret';
import { readQuestionWords } from '../../src/questions/parser/readQuestion';
import { resolveEntity } from '../../src/questions/parser/resolveEntity';
import { matchSubjects, subjectsOfSnapshot } from '../../src/questions/parser/subjects';
import { matchesInflectedOrTypo, matchesWord, withinOneEdit } from '../../src/questions/parser/text';
import { FORBUND_MEASURES, Reading } from '../../src/domain/reading';
import { readDataFile } from '../helpers/data';
import { findCommand } from '../../src/commands';
import { initiativesStated, speaksOfOwn, statementOfWork, withForbundNamed } from '../../src/questions/parser/statedWork';

const Y = 2026;
const snapshot = parseLedgerFile(readDataFile('uppsala-2026-03-26.ledger.json'));
const subjects = subjectsOfSnapshot(snapshot);

function read(text: string, previous?: Reading): Interpretation {
  const words = readQuestionWords(text, Y);
  const match = matchSubjects(words.tokens, words.used, subjects);
  return interpret(words, match, { currentYear: Y, ownInitiatives: [], ...(previous ? { previous } : {}) });
}

const subjectId = (r: Reading) => (r.subject.kind === 'line' ? r.subject.id : r.subject.kind);

/** As the insatsansvarig who runs Växtkraft ("vi", "vår insats"). */
function asInsatsansvarig(text: string, previous?: Reading): Interpretation {
  const words = readQuestionWords(text, Y);
  const own = subjects.filter((s) => s.id === 'vaxtkraft');
  return interpret(words, matchSubjects(words.tokens, words.used, subjects), { currentYear: Y, ownInitiatives: own, ...(previous ? { previous } : {}) });
}

function reading(text: string, previous?: Reading): Reading {
  const result = read(text, previous);
  assert.equal(result.kind, 'reading', `"${text}" was not read as a figure question: ${JSON.stringify(result)}`);
  return (result as { reading: Reading }).reading;
}

describe('question reader', () => {
  const cases: [string, string, string, number[], string?][] = [
    ['beslutsutrymme 2026?', 'remaining', 'forbund', [2026]],
    ['BESLUTSUTRYMME NÄSTA ÅR', 'remaining', 'forbund', [2027]],
    ['hur mycket har vi kvar att besluta om nästa år?', 'remaining', 'forbund', [2027]],
    ['beslutsutrymme 2026–2028', 'remaining', 'forbund', [2026, 2027, 2028]],
    ['resultat 2026 enligt budget', 'result', 'forbund', [2026], 'budget'],
    ['hur mycket överskott från tidigare år tar vi med in i 2026', 'carriedIn', 'forbund', [2026]],
    ['budget för Bryggan 2028', 'line', 'bryggan', [2028], 'budget'],
    ['prognos plattform för individstöd 2026', 'line', 'plattform-heby', [2026], 'forecast'],
    ['Registerstudien 2026', 'line', 'registerstudie', [2026]],
    ['förvaltningskostnad 2027', 'line', 'Förvaltning', [2027]],
    ['vad kostar kansliet', 'line', 'Förvaltning', [2026]],
    ['samverkansinsatserna totalt 2027', 'line', 'samverkansinsatser', [2027]],
    ['insatsen i Heby 2026', 'line', 'plattform-heby', [2026]],
    ['Hebys insats nästa år', 'line', 'plattform-heby', [2027]],
    ['hur mycket får Framsteget 2028?', 'line', 'framsteget', [2028]],
    ['vilken insats är dyrast 2027', 'ranking', 'forbund', [2027]],
    ['om vi beviljar 500 tkr 2027', 'whatIf', 'forbund', [2027]],
    ['hur stor del av kostnaderna 2027 är Bryggan', 'share', 'bryggan', [2027]],
    ['vilka insatser har Region Uppsala som insatsägare', 'initiativesOfOwner', 'owner', [2026]],
  ];
  for (const [text, measure, subject, years, column] of cases) {
    it(`"${text}" → ${measure} ${subject} ${years.join(',')}`, () => {
      const r = reading(text);
      assert.equal(r.measure, measure);
      const s = r.subject;
      const id = s.kind === 'line' ? (snapshot.lines.find((l) => l.id === s.id && !l.initiative)?.label ?? s.id) : s.kind;
      assert.equal(id, subject);
      assert.deepEqual(r.years, years);
      if (column) assert.equal(r.column, column);
    });
  }

  it('reads a year written with two digits after a dash or an apostrophe, and no other number as a year', () => {
    assert.deepEqual(reading('beslutsutrymmet -28').years, [2028]);
    assert.deepEqual(reading("budget för Bryggan '27").years, [2027]);
    assert.deepEqual(reading('beslutsutrymme 2026-28').years, [2026, 2027, 2028]);
    assert.deepEqual(reading('beslutsutrymme 2026 -3').years, [2026]);
  });

  it('refuses questions about people, uncounted things and other förbund, whatever budget words they hold', () => {
    for (const q of [
      'vem är ekonom på kansliet',
      'hur många deltagare har Växtkraft 2027',
      'beslutsutrymme 2026 för samordningsförbundet i Gävleborg',
      'Finsam Skåne medlemsavgifter',
    ]) {
      const r = read(q);
      assert.equal(r.kind, 'notUnderstood', q);
      assert.ok(r.kind === 'notUnderstood' && r.message, `${q}: says why`);
    }
  });

  it('leaves out what follows a negation, reads ledger abbreviations, and names the reservfond when it is asked about', () => {
    const r = reading('Förvaltning bu 2027, inte ISA');
    assert.equal(r.subject.kind === 'line' ? r.subject.id : r.subject.kind, snapshot.lines.find((l) => l.label === 'Förvaltning')?.id);
    assert.equal(r.column, 'budget');
    assert.equal(reading('Bryggan prog 2026').column, 'forecast');
    assert.equal(reading('reservfonden, hur stor är den och ingår den i beslutsutrymmet?').measure, 'reserveFund');
    assert.equal(reading('kan vi besluta om 2 mkr utan att röra reservfonden?').measure, 'whatIf');
  });

  it("refuses a kommun's own total budget and errands it cannot run", () => {
    assert.equal(read('vad har Heby kommun för total budget 2026').kind, 'notUnderstood');
    assert.equal(read('Hebys insats 2026').kind, 'reading');
    assert.equal(read('kan du boka ett möte med kansliet').kind, 'notUnderstood');
  });

  it('reads counted years and amounts written in words', () => {
    assert.deepEqual(reading('beslutsutrymme om två år').years, [2028]);
    assert.deepEqual(reading('vad kostade förvaltningen för ett år sedan').years, [2025]);
    assert.deepEqual(reading('resultat i förfjol').years, [2024]);
    assert.deepEqual(reading('vilken insats är dyrast nästnästa år').years, [2028]);
    assert.deepEqual(reading('beslutsutrymme 2026', undefined).years, [2026]);
    assert.equal(reading('om vi beviljar en halv miljon 2027, vad blir kvar?').amount, 500_000);
    assert.equal(reading('om vi ger trekvarts miljon nästa år').amount, 750_000);
    assert.equal(reading('om styrelsen beviljar två miljoner 2028').amount, 2_000_000);
    assert.equal(reading('om vi beviljar 250 000:- i år').amount, 250_000);
    assert.equal(reading('och tre år senare?', reading('beslutsutrymme 2025')).years[0], 2028);
  });

  it('checks a quoted figure instead of granting it, and asks for an amount it cannot read', () => {
    const checked = reading('Stämmer det att vi har 2 900 tkr kvar att besluta om 2027?');
    assert.equal(checked.measure, 'remaining');
    assert.equal(checked.amount, undefined);
    assert.equal(reading('stämmer det att om vi beviljar 900 tkr 2027 blir det 1 900 kvar?').measure, 'whatIf');
    assert.equal(read('om styrelsen beviljar Bryggans nya ansökan, vad blir kvar 2027?').kind, 'notUnderstood');
  });

  it('gives no figure for sums, averages, rankings of years or members, changes and actions it has no card for', () => {
    for (const q of [
      'vad får Växtkraft sammanlagt 2026–2028',
      'hur mycket har insatserna rekvirerat totalt sedan 2024',
      'vad kostar kansliet i genomsnitt per år',
      'vilket år har störst beslutsutrymme 2026–2028',
      'vilken medlem betalar mest i medlemsavgift',
      'har Knivstas medlemsavgift ökat sedan 2024',
      'om kostnaderna för förvaltningen ökar med 300 tkr 2027, vad blir kvar',
      'kan du ändra prognosen för Bryggan till 2 000 tkr',
      'hur mycket arvode får varje ledamot',
      'är Min framtid dyrare än Framsteget 2027',
      'vad var utfallet de senaste två åren för Framsteget',
      'vad kostar den det sista året?',
    ]) {
      const r = read(q);
      assert.equal(r.kind, 'notUnderstood', q);
      assert.ok(r.kind === 'notUnderstood' && r.message, `${q}: says why`);
    }
  });

  it('keeps ordinary questions whose words look like the refused ones', () => {
    assert.equal(reading('om vi beviljar en och en halv miljon 2027, vad blir kvar?').amount, 1_500_000);
    assert.equal(reading('Bryggan fick 1,2 mkr 2026 – när slutar den?').measure, 'endDate');
    assert.equal(reading('Är det korrekt att vi kan bevilja 2 mkr 2027?').measure, 'whatIf');
    assert.equal(reading('Vad innebär det för beslutsutrymmet 2027 om vi beviljar 500 tkr?').measure, 'whatIf');
    assert.notEqual(read('Vad har vi kvar att besluta om 2027 när Bryggan avslutas?').kind, 'notUnderstood');
    assert.equal(reading('Hur mycket ändrar sig Bryggans budget mellan 2026 och 2027?').difference, true);
    assert.equal(reading('Efter delegationsbeslut D 2025:12 – vad ligger Plattform för individstöd på nu?').measure, 'line');
    assert.equal(reading('Hur mycket ökar de sammanlagda kostnaderna från 2026 till 2027?').difference, true);
    assert.deepEqual(reading('Dnr 2025:14 gäller Bryggan 2027, nej förlåt, 2028').years, [2028]);
    assert.equal(read('Hur mycket har förbrukats i september 2026?').kind, 'notUnderstood');
    assert.equal(reading('Vad kostar Bryggan 2027? Mvh Anna-Karin Berg').measure, 'line');
    assert.equal(reading('Hur många insatser finns 2027? Hur många är nya?').measure, 'fundedInitiatives');
    assert.equal(reading('beslutsutrymme 2027. Förlåt om jag tjatar.').measure, 'remaining');
  });

  it('explains a word instead of giving its figure', () => {
    const r = read('vad menas med förbrukningsgrad?');
    assert.ok(r.kind === 'meaning' && /utfallet delat med den beviljade budgeten/.test(r.meaning.text), JSON.stringify(r));
    assert.equal(r.kind === 'meaning' ? r.meaning.example : '', 'förbrukningsgrad Växtkraft 2025');
  });

  it('takes the year of the last question for "det året", and the question, not the statement, for what is asked', () => {
    assert.deepEqual(reading('vad kostar Framsteget det året?', reading('beslutsutrymme 2028')).years, [2028]);
    assert.equal(read('vad kostar Framsteget det året?').kind, 'notUnderstood');
    assert.equal(reading('Ekonomen gick igenom budgeten i går – vad kostar Min framtid 2027?').column, undefined);
    assert.equal(reading('I den fastställda budgeten för 2026, vad kostar Min framtid?').column, 'budget');
    assert.deepEqual(reading('Vi pratade om underskottet 2024 i våras, men vad blir resultatet nästa år?').years, [2027]);
    assert.equal(reading('Min framtid tog slut för en annan målgrupp 2024, men hur mycket får den 2027?').measure, 'line');
    const change = reading('skillnaden mellan budget och prognos för beslutsutrymmet 2026');
    assert.ok(change.difference && change.column === 'budget' && change.compareWith === 'forecast');
  });

  it('reads an amount as an amount, not as a year', () => {
    const r = reading('om vi beviljar 2 000 tkr nästa år');
    assert.equal(r.amount, 2_000_000);
    assert.deepEqual(r.years, [2027]);
  });

  it('reads a year with its unit word as a year unless something is granted, and a date as its year', () => {
    assert.deepEqual(reading('Bryggan 2028 tkr').years, [2028]);
    const granted = reading('om vi beviljar 2027 tkr 2028');
    assert.equal(granted.amount, 2_027_000);
    assert.deepEqual(granted.years, [2028]);
    assert.deepEqual(reading('eget kapital per 2025-12-31').years, [2025]);
    assert.deepEqual(reading('resultat 2025-12').years, [2025], 'a month is no range back to 2012');
  });

  it('takes the years of the last clause when a statement with another year comes first', () => {
    assert.deepEqual(reading('Resultatet 2022 var 381 tkr, vad blev det 2023?').years, [2023]);
    assert.deepEqual(reading('Bryggan 2026 känner jag till, men 2028?').years, [2028]);
    assert.deepEqual(reading('Tabellen går 2026–2028. Vad kostar Bryggan det sista året?').years, [2028]);
    assert.deepEqual(reading('beslutsutrymme 2026–2028').years, [2026, 2027, 2028], 'one clause keeps its range');
    assert.deepEqual(reading('resultat 2026 och 2027').years, [2026, 2027]);
  });

  it('asks what the asking clause asks: a statement before it is context', () => {
    const r = reading('Registerstudien löper till 2026-06-01 – vad ligger den på i prognosen för 2026?');
    assert.equal(r.measure, 'line');
    assert.equal(r.column, 'forecast');
    assert.equal(reading('S:A INTÄKTER — Prel budget 2027').measure, 'income', 'a pasted row and column asks in no clause');
    assert.equal(reading('bunden reservfond – belopp?').measure, 'reserveFund', 'a bare amount word asks nothing of its own');
    assert.equal(reading('om vi beviljar 500 tkr 2028, vad blir kvar?').measure, 'whatIf', 'a condition is no statement');
    assert.deepEqual(reading('Budgeten fastställdes i november 2025. Vad var S:a kostnader 2026?').years, [2026]);
    assert.equal(read('Budgeten fastställdes i november 2025. Vad var S:a kostnader 2026?').kind, 'reading', 'the month is in the statement');
  });

  it('leaves a measure named only after a negation, and takes the column the asking clause names', () => {
    assert.equal(reading('Vad var utfallet för Bryggan 2025 – och jag menar i tkr, inte förbrukningsgrad').measure, 'actual');
    assert.equal(reading('Bryggan har en budget och en prognos för 2026 – vad står i prognosen?').column, 'forecast');
    assert.equal(reading('hur mycket har vi inte använt 2025?').measure, 'unused', 'a negation inside a measure phrase stays');
  });

  it('refuses co-financing, cost types, goals and judgements, which are not the förbund’s figures', () => {
    for (const q of [
      'Hur mycket egenfinansiering står Knivsta kommun för i En väg in?',
      'Hur mycket av Plattform för individstöds budget går till löner?',
      'Kommer Samordnat stöd att nå sina mål innan insatsen tar slut?',
      'Tycker du att vi ska förlänga Växtkraft efter 2027?',
      'Should we cut RegExPro?',
    ]) {
      const r = read(q);
      assert.equal(r.kind, 'notUnderstood', q);
      assert.ok(r.kind === 'notUnderstood' && r.message, `${q}: says why`);
    }
  });

  it('reads everyday words for the förbund’s measures, and asks back where they could mean two', () => {
    assert.equal(reading('går förbundet med förlust 2027?').measure, 'result');
    assert.equal(reading('hur stor är bufferten?').measure, 'reserveFund');
    assert.equal(reading('omsättningen 2028').measure, 'income');
    assert.equal(reading('hur mycket finns i potten 2026?').measure, 'remaining');
    assert.equal(read('vad är förbundets budget nästa år?').kind, 'clarify');
    assert.equal(read('hur mycket pengar har vi?').kind, 'clarify');
    assert.equal(read('vad får en styrelseledamot i arvode per möte?').kind, 'notUnderstood');
  });

  it('refuses months, periods and participants, which the data does not hold', () => {
    for (const q of ['vad kostar Växtkraft per månad 2027', 'hur mycket rekvirerade Bryggan i september', 'vad kostar en deltagare i Min framtid']) {
      const r = read(q);
      assert.equal(r.kind, 'notUnderstood', q);
    }
    assert.equal(read('eget kapital 31 december 2025').kind, 'reading', 'a month in a date is no month asked');
  });

  it('asks back when two insatser fit or a förbund measure names an insats', () => {
    assert.equal(read('lokussamordnare 2026').kind, 'clarify');
    assert.equal(read('Uppsalas insats 2026').kind, 'clarify');
    assert.equal(read('beslutsutrymme för Bryggan 2026').kind, 'clarify');
    assert.equal(read('budget 2026').kind, 'clarify');
  });

  it('does not understand what the data cannot answer', () => {
    assert.equal(read('vad tycker du om vädret?').kind, 'notUnderstood');
  });

  it('changes one part of the last reading in a follow-up', () => {
    const first = reading('beslutsutrymme 2026');
    assert.deepEqual(reading('och 2027?', first).years, [2027]);
    const bryggan = reading('och Bryggan?', reading('vad kostar Växtkraft 2027'));
    assert.equal(bryggan.subject.kind === 'line' && bryggan.subject.id, 'bryggan');
    assert.deepEqual(bryggan.years, [2027]);
    assert.equal(reading('budget då?', first).column, 'budget');
    const compared = reading('jämfört med budget?', first);
    assert.equal(compared.column, 'budget');
    assert.equal(compared.compareWith, 'forecast');
  });

  it('reads a year typed with two digits on a phone, and leaves counts, amounts, days and weeks as numbers', () => {
    assert.deepEqual(reading('budget bryggan 27').years, [2027]);
    assert.deepEqual(reading('beslutsutrymme 28 prel').years, [2028]);
    assert.deepEqual(reading('bu vaxtkraft 26-28').years, [2026, 2027, 2028]);
    assert.deepEqual(reading('och 24?', reading('utfall bryggan 25')).years, [2024]);
    assert.deepEqual(reading('hur mycket får förstärkt stöd tjugotjugosju').years, [2027]);
    assert.deepEqual(readQuestionWords('om vi beviljar 25 procent av beslutsutrymmet 2027', Y).years, [2027]);
    for (const text of ['vad kostar 20 deltagare i Bryggan', 'möte den 26 mars', 'vecka 34', 'topp 20 insatser', 'ca 25', 'Dnr 25'])
      assert.deepEqual(readQuestionWords(text, Y).years, [], text);
  });

  it('reads a change as the question only where it asks, and an amount in a statement as no grant', () => {
    const more = reading('okar budgeten för Växtkraft till nasta ar');
    assert.ok(more.difference);
    assert.deepEqual(more.years, [2026, 2027]);
    assert.ok(!reading('Hur stora blir intäkterna för 2027, när ESF-medlen minskar till 150 tkr?').difference);
    assert.equal(reading('Vi funderar på en ansökan på ca 800 tkr. Hur stort är beslutsutrymmet 2027 i dagsläget?').measure, 'remaining');
    assert.equal(reading('Säg att vi ger 2,2 mkr till en ny insats 2028 – vad återstår då?').measure, 'whatIf');
    assert.equal(reading('Vad blev resultatet det senaste bokslutsåret?').years[0], 2025);
    assert.equal(read('Hur mycket har Bryggan fått sedan starten 2023?').kind, 'notUnderstood');
    assert.equal(read('Vad får man i arvode som ledamot i förbundsstyrelsen?').kind, 'notUnderstood');
    assert.equal(reading('Vad kostar styrelsen, alltså posten förtroendevalda, i år?').measure, 'line');
  });

  it('asks for the year when a follow-up leans on an answer before the last one', () => {
    const fee = reading('Vad betalar Knivsta kommun i medlemsavgift 2025?', reading('Beslutsutrymme 2028'));
    assert.equal(read('Kan du visa hur beslutsutrymmet räknades fram?', fee).kind, 'clarify');
    assert.equal(read('Och soliditeten samma år som resultatet?', fee).kind, 'clarify');
    assert.equal(read('Och för den insatsen jag frågade om först?', fee).kind, 'notUnderstood');
    assert.deepEqual(reading('vad kostar Bryggan det året?', reading('beslutsutrymme 2027')).years, [2027]);
    const forecast = reading('Och i prognosen?', reading('Vad kostar Förvaltning 2026 enligt budget?'));
    const change = reading('Hur stor är skillnaden?', forecast);
    assert.deepEqual([change.column, change.compareWith, change.difference], ['budget', 'forecast', true]);
  });

  it('follows a change asked after a follow-up that replaced the year or named both columns, and adds amounts granted together', () => {
    const next = reading('och 2028?', reading('RegExPro 2027'));
    const fall = reading('hur stor är minskningen?', next);
    assert.deepEqual([fall.years, fall.difference], [[2027, 2028], true]);
    const columns = reading('skillnaden mellan budget och prognos?', reading('vad får Hebys insats i år?'));
    assert.deepEqual([columns.column, columns.compareWith, columns.difference], ['budget', 'forecast', true]);
    assert.equal(readQuestionWords('och om vi tar båda: 600 tkr och 900 tkr?', Y).amount, 1_500_000);
    assert.equal(readQuestionWords('om vi beviljar 600 tkr 2027 och 900 tkr 2028', Y).amount, 600_000);
  });

  it('keeps what the reviewer found ordinary: thousands, grants stated first, pronouns, a year before a comma, suited years', () => {
    assert.deepEqual(readQuestionWords('Vi har intäkter på 24 180 i år. Vad blir resultatet?', Y).years, [2026]);
    assert.deepEqual(readQuestionWords('Förra året var kostnaderna 22 747, och i år?', Y).years.includes(2022), false);
    assert.equal(reading('Minskar beslutsutrymmet 2027 om vi beviljar 500 tkr?').measure, 'whatIf');
    assert.equal(reading('Vi vill lägga 500 tkr på en ny insats 2027. Vad blir kvar då?').amount, 500_000);
    assert.equal(reading('Knivsta söker 350 tkr för 2027. Hur mycket är kvar efter det?').amount, 350_000);
    assert.deepEqual(reading('vad får de 27?', reading('Samordnat stöd 2026')).years, [2027]);
    assert.deepEqual(reading('Vad får Bryggan 27, budget?').years, [2027]);
    assert.deepEqual(reading('kostnader 27, 28').years, [2027, 2028]);
    assert.ok(!reading('Hur stor är skillnaden mellan intäkter och kostnader 2027?').years.includes(2026));
    assert.ok(!reading('Går det att ta upp Bryggans budget 2027 på mötet?').difference);
    assert.equal(reading('Hur stort är beslutsutrymmet inför mötet?').measure, 'remaining');
    for (const text of ['unga under 25', 'Visa 15 största insatserna', '18 mån', 'kl. 15', 'sid 27', '28 000 invånare'])
      assert.deepEqual(readQuestionWords(text, Y).years, [], text);
    assert.deepEqual(reading('hur räknades resultatet fram?', reading('soliditet 2024')).years, [2024]);
    assert.equal(reading('Jag undrar hur mycket arvodena kostar totalt 2027?').measure, 'line');
    assert.equal(read('om vi beviljar 40 nästa år, vad blir kvar?').kind, 'notUnderstood');
  });

  it("reads the kansli's shorthand and a follow-up that compares, shares or names the same owner", () => {
    assert.equal(reading('över/underskott fr tidigare år 2027').measure, 'carriedIn');
    assert.equal(reading('bryggan rekv förra året').measure, 'actual');
    const diff = reading('diff resultat budget vs prognos 2026');
    assert.equal(diff.measure, 'result');
    assert.ok(diff.difference);
    const stod = reading('hur mycket får Förstärkt stöd 2027?');
    const change = reading('hur mycket är det jämfört med i år?', stod);
    assert.ok(change.difference);
    assert.deepEqual(change.years, [2026, 2027]);
    assert.equal(reading('hur mycket är det av förbundets totala kostnader?', stod).measure, 'share');
    const lokus = reading('och deras lokussamordnare?', reading('hur mycket har Förstärkt stöd i Älvkarleby fått 2026?'));
    assert.equal(lokus.subject.kind === 'line' && lokus.subject.id, 'lokus-alvkarleby');
    // Without "deras" the name alone still fits two.
    assert.equal(read('och lokussamordnaren?', stod).kind, 'clarify');
  });

  it('never gives a förbund figure for a question that names an insats or a line (property)', () => {
    const named = subjects.filter((s) => s.isInitiative).map((s) => (s.owner && s.name === 'Lokussamordnare' ? `${s.name} ${s.owner}` : s.name));
    const measureWords = [
      'budget',
      'prognos',
      'beslutsutrymme',
      'resultat',
      'kostnad',
      'kostnader',
      'intäkter',
      'vad kostar',
      'hur mycket får',
      'budgeterat',
      'utfall',
      'förbrukningsgrad',
      '',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...named),
        fc.constantFrom(...measureWords),
        fc.constantFrom('2026', '2027', 'nästa år', ''),
        fc.boolean(),
        (name, word, year, nameFirst) => {
          const text = nameFirst ? `${name} ${word} ${year}` : `${word} ${name} ${year}`;
          const result = read(text);
          if (result.kind !== 'reading') return true;
          return result.reading.subject.kind !== 'forbund' && !FORBUND_MEASURES.has(result.reading.measure);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('loose matching', () => {
  it('allows one typo, a swap or an inflection, but not in short words', () => {
    assert.ok(withinOneEdit('vaxtkarft', 'vaxtkraft'));
    assert.ok(withinOneEdit('vatkraft', 'vaxtkraft'));
    assert.ok(!withinOneEdit('vaxt', 'vaxtkraft'));
    assert.ok(matchesWord('beslutsutrymmet', 'beslutsutrymme'));
    assert.ok(matchesWord('beslutsutrymet', 'beslutsutrymme'));
    assert.ok(!matchesWord('i', 'in'));
  });

  it('gives the same answer with its shortcuts as the rule without them (property)', () => {
    const keyword = fc.constantFrom('beslutsutrymme', 'vaxtkraft', 'prognos', 'budget', 'kostnad', 'utfall', 'soliditet', 'bryggan', 'lokus', 'medel');
    // Words near a keyword: an edit or two, an inflection, or the start of another word.
    const near = fc
      .tuple(
        keyword,
        fc.array(fc.tuple(fc.nat(20), fc.constantFrom('', 'a', 'e', 'n', 't', 'r', 's', 'x')), { maxLength: 2 }),
        fc.constantFrom('', 'en', 'et', 'erna', 'arna', 's', 'ar'),
      )
      .map(
        ([k, edits, suffix]) =>
          edits.reduce<string>((w, [at, c]) => w.slice(0, at % (w.length + 1)) + c + w.slice((at % (w.length + 1)) + (c === '' ? 1 : 0)), k) + suffix,
      );
    fc.assert(
      fc.property(near, keyword, (word, kw) => {
        assert.equal(matchesWord(word, kw), word === kw || matchesInflectedOrTypo(word, kw), `${word} / ${kw}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('resolves member names loosely', () => {
    const entities = [
      { id: 'Knivsta kommun', name: 'Knivsta kommun', qualifiers: [] },
      { id: 'Region Uppsala', name: 'Region Uppsala', qualifiers: [] },
    ];
    const knivsta = resolveEntity(['knivsta'], entities);
    assert.ok(knivsta.kind === 'one' && knivsta.entity.id === 'Knivsta kommun');
    assert.equal(resolveEntity(['bryggan'], entities).kind, 'none');
  });
});

describe('a change over a closed year', () => {
  it('reads this year against last year where the annual report has the figure, and keeps a comparison over two clauses', () => {
    assert.deepEqual(reading('Hur mycket ökar kostnaderna i år?').years, [2025, 2026]);
    assert.deepEqual(reading('Ökar beslutsutrymmet i år?').years, [2025, 2026]);
    const jump = reading('Varför hoppar beslutsutrymmet upp så mycket 2028? Hur stor är skillnaden mot 2027?');
    assert.deepEqual([jump.years, jump.difference], [[2027, 2028], true]);
    assert.equal(read('Vad var kostnaderna för personal 2025 enligt resultaträkningen?').kind, 'notUnderstood');
    assert.deepEqual(reading('How much do total costs drop from 2027 to 2028?').difference, true);
    const row = reading('Raden Medlemsavgifter i ekonomiska informationen – vad står den på Prel 2028?');
    assert.equal(row.subject.kind === 'line' && row.subject.name, 'Medlemsavgifter');
    const columns = reading('hur mycket skiljer det mellan budget och prognos där?', reading('vad kostar förvaltningen 2026?'));
    assert.deepEqual([columns.column, columns.compareWith, columns.difference], ['budget', 'forecast', true]);
    assert.equal(read('Hur mycket får vi flytta över till 2027 utan att lämna in en avvikelse?').kind, 'notUnderstood');
  });
});

describe('what a second review of the change found ordinary', () => {
  it('keeps the asked years of a comparison, "i så fall", rows that are figures, and context that only mentions people or moves', () => {
    assert.deepEqual(reading('Jag läste årsredovisningen 2025. Hur stor är skillnaden i kostnader mellan 2027 och 2028?').years, [2027, 2028]);
    assert.deepEqual(reading('Beslutsutrymmet 2026 vet jag. Hur mycket har vi kvar 2027 mot slutet?').years, [2027]);
    assert.ok(!reading('I så fall hur mycket har vi kvar 2027?').difference);
    assert.equal(reading('Vad står på raden beslutsutrymme 2027?').measure, 'remaining');
    assert.equal(reading('Bryggan har anställt ny personal. Vad får de 2027?').measure, 'line');
    assert.equal(reading('Vi ska flytta mötet till januari. Vad är beslutsutrymmet 2027?').measure, 'remaining');
    const lower = reading('minskar prognosen jämfört med budgeten?', reading('förvaltning 2026'));
    assert.deepEqual([lower.column, lower.compareWith], ['budget', 'forecast']);
    assert.deepEqual(reading('hur mycket ökade kostnaderna 2025?').years, [2024, 2025]);
  });

  it('leaves the uppföljning its command unless a question cites it as the source of a figure', () => {
    assert.equal(findCommand('uppföljning kvartal 3 2026, vilka insatser är röda?').name, 'uppföljning');
    assert.equal(findCommand('Kan du visa uppföljningen, med kostnader per insats?').name, 'uppföljning');
    assert.equal(findCommand('I uppföljningen står Bryggan som avslutad 2025-12-31. När slutar Bryggan?').name, 'budgetfråga');
  });
});

describe('dictated speech and grants to a named insats', () => {
  it('reads years and decimal amounts in words, and a grant to an insats as what the förbund has left', () => {
    assert.deepEqual(reading('regex pro vad ligger dom på två tusen tjugoåtta').years, [2028]);
    assert.deepEqual(readQuestionWords('vad var soliditeten tjugotjugo', Y).years, [2020]);
    assert.equal(readQuestionWords('om vi säger ja till en ansökan på en komma fem miljoner i år vad blir kvar', Y).amount, 1_500_000);
    assert.equal(reading('okej och hur mycket går vi back då', reading('vad har vi för intäkter nästa år')).measure, 'result');
    const grant = reading('och om vi beviljar 500 tkr till Bryggan?', reading('beslutsutrymme 2027'));
    assert.deepEqual([grant.measure, grant.subject.kind, grant.amount], ['whatIf', 'forbund', 500_000]);
    const money = reading('och hur mycket har vi 2027?', reading('förbrukningsgrad Samordnat stöd för arbete och studier 2025'));
    assert.deepEqual([money.measure, money.years], ['line', [2027]]);
  });
});

describe('the last sets of the stop', () => {
  it('reads a qualifier after "efter", a comparison with this year as a follow-up, and a per-meeting fee as no figure', () => {
    const forecast = reading('Registerstudien av rehabkoordinator: hur mycket har vi i prognosen för 2026 efter överföringen från 2025?');
    assert.deepEqual([forecast.measure, forecast.years, forecast.column], ['line', [2026], 'forecast']);
    const more = reading('är det mer eller mindre än i år?', reading('vad kostar Växtkraft 2027?'));
    assert.deepEqual([more.years, more.difference], [[2026, 2027], true]);
    assert.equal(read('vad är arvodet per styrelsemöte för en ersättare?').kind, 'notUnderstood');
    assert.equal(findCommand('Vad blev vårt utfall 2025 enligt er uppföljning?').name, 'budgetfråga');
  });
});

describe('routing of a question that names a command word', () => {
  it('shows the uppföljning unless a question asks a figure and names it as its source', () => {
    assert.equal(findCommand('uppföljning 2025').name, 'uppföljning');
    assert.equal(findCommand('Tabell 3 i uppföljningen – vad blev vår förbrukningsgrad förra året?').name, 'budgetfråga');
    assert.equal(findCommand('uppföljning 2025 med utfall?').name, 'uppföljning');
  });

  it('lists the delegationsbeslut unless one is supposed in a question about the beslutsutrymme', () => {
    assert.equal(findCommand('Visa delegationsbeslut 2026 som påverkar beslutsutrymmet').name, 'delegationsbeslut');
    assert.equal(findCommand('delegationsbeslut 2026').name, 'delegationsbeslut');
    assert.equal(findCommand('Om jag fattar delegationsbeslut på 250 tkr i år, vad återstår av beslutsutrymmet?').name, 'budgetfråga');
  });
});

describe('what the sets of stop 24 found', () => {
  it('keeps a figure the user only checks out of the reading, and reads the chat words for millions', () => {
    assert.equal(reading('vi har väl typ 3 miljoner kvar? stämmer det?').measure, 'remaining');
    assert.equal(reading('vi har väl typ 2,8 mille att röra oss med nästa år, eller?').measure, 'remaining');
    assert.deepEqual(reading('hur mycket kostade allt 2025? kostnaderna var väl typ 22 mille, stämmer det?').years, [2025]);
    assert.equal(readQuestionWords('om styrelsen säger ja till en ansökan på 1,2 mille för 2027', Y).amount, 1_200_000);
    assert.equal(readQuestionWords('om vi beviljar typ 500 000 till en ny insats i år', Y).amount, 500_000);
    assert.equal(readQuestionWords('om vi beviljar 24 180 2026', Y).amount, undefined);
  });

  it('reads a change of a heading named first, from the column compared with, and "mer eller mindre"', () => {
    const costs = reading('S:a kostnader 2026 – vad är skillnaden mellan budget och prognos?');
    assert.deepEqual([costs.measure, costs.column, costs.compareWith, costs.difference], ['costs', 'budget', 'forecast', true]);
    const adjusted = reading('Förvaltningen: hur mycket har prognosen 2026 justerats jämfört med budgeten?');
    assert.deepEqual([adjusted.column, adjusted.compareWith, adjusted.difference], ['budget', 'forecast', true]);
    assert.ok(!reading('Vad var budgeterat för Förvaltning 2026 innan prognosen justerades?').difference);
    assert.equal(reading('Intäkterna 2028 är 23 490 tkr – vad landar kostnaderna på samma år?').measure, 'costs');
    const more = reading('blir det mer eller mindre 2027?', reading('Vad får Framsteget i Håbo 2026?'));
    assert.deepEqual([more.difference, more.years], [true, [2026, 2027]]);
    const heby = reading('Vad skiljer mellan budget och prognos för Hebys insats i år?');
    assert.deepEqual([subjectId(heby), heby.difference], ['plattform-heby', true]);
    const both = reading('hur stor är skillnaden mellan de två åren?', reading('och 2025?', reading('Verksamhetens resultat 2021?')));
    assert.deepEqual([both.measure, both.years, both.difference], ['result', [2021, 2025], true]);
    const them = reading('hur stor är skillnaden mellan budget och prognos för dem i år?', reading('Hur mycket får Plattform för individstöd i Heby 2026?'));
    assert.deepEqual([them.column, them.compareWith, them.difference], ['budget', 'forecast', true]);
  });

  it('reads names, results and dates the way the förbund writes them', () => {
    assert.equal(subjectId(reading('Hur mycket lägger förbundet på samtliga insatser tillsammans i år?')), 'samverkansinsatser');
    assert.equal(reading('Hur mycket betalade vi faktiskt ut till insatserna 2025?').measure, 'actual');
    assert.deepEqual([reading('gick vi plus 2025? hur mycket i så fall').measure, reading('vi gick väl back 2024? hur mycket?').years], ['result', [2024]]);
    const last = reading('Vilken är sista dagen som Uppsalas lokussamordnare är finansierad?');
    assert.deepEqual([last.measure, subjectId(last)], ['endDate', 'lokus-uppsala']);
    assert.equal(reading('Hur länge har Plattform för individstöd pågått, när startade den?').measure, 'startDate');
    assert.equal(read('isa 2027').kind, 'clarify');
    assert.equal(subjectId(reading('förv ISA 2027')), 'administration-forvaltning-isa');
    assert.equal(subjectId(reading('Hur mycket går till Region Uppsalas ESF-samordning RegExPro i år?')), 'regexpro');
    assert.equal(read('vad kostar lokussamordnartjänsten nästa år?').kind, 'clarify');
    assert.equal(reading('prog heby 2026').column, 'forecast');
    assert.equal(reading('o 2027', reading('totala kostnader 2026')).years[0], 2027);
    assert.equal(read('bu 2027').kind, 'clarify');
    const total = reading('och alla medlemmar totalt?', reading('medlemsavg knivsta 2025'));
    assert.equal(total.subject.kind, 'forbund');
    assert.equal(reading('hur stor del av budgeten förbrukade de 2025?', reading('Bryggan 2026')).measure, 'utilisation');
    assert.equal(reading('och vad ligger den på för 2026?', reading('Soliditet 2025?')).measure, 'soliditet');
    assert.equal(reading('jag menar för 2025', reading('vad betalar Knivsta i medlemsavgift?')).years[0], 2025);
  });

  it('keeps the förbund\'s beslutsutrymme the förbund\'s when an insatsansvarig says "vi"', () => {
    const room = asInsatsansvarig('finns det beslutsutrymme nästa år om vi vill söka förlängning?');
    assert.deepEqual(room.kind === 'reading' ? [room.reading.measure, room.reading.subject.kind] : room.kind, ['remaining', 'forbund']);
    const granted = asInsatsansvarig('Hur mycket är vi beviljade för nästa år?');
    assert.equal(granted.kind === 'reading' && granted.reading.subject.kind === 'line' ? granted.reading.subject.id : granted.kind, 'vaxtkraft');
  });

  it('says what the data does not hold', () => {
    for (const text of [
      'hur mycket egenfinansierar Enköping i Växtkraft?',
      'vad tycker kansliet om vår senaste kvartalsrapport?',
      'Hur stora blev de finansiella intäkterna från fonden och bankkontona 2025?',
      'Hur ser prognosen för arbetslösheten i länet ut 2027?',
      'hur stor är Arbetsförmedlingens egen budget för 2026?',
      'Hur mycket ESF-medel har hela ISA-projektet fått, alla parter sammanlagt?',
    ])
      assert.equal(read(text).kind, 'notUnderstood', text);
    assert.equal(reading('I femårsöversikten i bilaga 4.1: vad var verksamhetens resultat 2024, det vill säga före finansiella poster?').measure, 'result');
  });

  it("takes a question about the förbund's figures after a statement about the uppföljning", () => {
    assert.equal(findCommand('Nu när höstens uppföljning är klar undrar jag: hur mycket har förbundet kvar att bevilja i år?').name, 'budgetfråga');
    assert.equal(findCommand('uppföljning kvartal 3 2026, vilka insatser är röda?').name, 'uppföljning');
  });
});

describe('what a review of the stop 24 change found, and the sets after it', () => {
  it('reads a sum after a year apart from it, and asks for one grant at a time', () => {
    assert.equal(readQuestionWords('Om vi beviljar för 2027 400 000 till Bryggan, vad blir kvar 2027?', Y).amount, 400_000);
    assert.equal(readQuestionWords('om vi beviljar 2027 300 000 kr till Bryggan', Y).amount, 300_000);
    assert.equal(read('Om vi beviljar 100 000 i år och 200 000 nästa år, vad blir kvar nästa år?').kind, 'notUnderstood');
    assert.equal(read('Om vi beviljar 3 milj 2027 och 2 milj 2028, vad blir kvar 2028?').kind, 'notUnderstood');
    assert.equal(readQuestionWords('kan vi dra igång något nytt för två miljoner 2028', Y).amount, 2_000_000);
    assert.deepEqual(readQuestionWords('kan vi dra igång något nytt för två miljoner 2028', Y).years, [2028]);
  });

  it('takes a yes/no question or a tag about a figure as a check, not a grant', () => {
    for (const text of [
      'Har vi 1,5 milj kvar i år?',
      'Är beslutsutrymmet 2027 2,8 milj?',
      'Stämmer det att beslutsutrymmet 2028 är 12 milj?',
      'Hur stort är beslutsutrymmet 2027 ungefär, 2,8 miljoner eller?',
      'Är beslutsutrymmet mer eller mindre 3 miljoner i år?',
    ])
      assert.equal(reading(text).measure, 'remaining', text);
    for (const text of ['Har vi råd att bevilja 3,5 mkr i år?', 'räcker beslutsutrymmet 2027 till en ansökan på 3,2 mkr?', 'Har vi råd med 1,5 miljoner 2027?'])
      assert.equal(reading(text).measure, 'whatIf', text);
  });

  it('asks back about "vår budget" and what an insatsansvarig has left, and narrows only by an insats the statement names', () => {
    assert.equal(asInsatsansvarig('Har vi pengar kvar i vår budget 2026?').kind, 'clarify');
    assert.equal(asInsatsansvarig('Hur mycket har vi kvar 2026?').kind, 'clarify');
    const lies = asInsatsansvarig('i procent av budgeten?', reading('utfall Bryggan 2025'));
    assert.equal(lies.kind === 'reading' ? subjectId(lies.reading) : lies.kind, 'bryggan');
    assert.equal(read('Får Knivsta några ESF-medel?').kind, 'clarify');
  });

  it('keeps the measure a question asks after a heading, and a duration asked of what started', () => {
    assert.equal(reading('Eget kapital 2025: hur stor är reservfonden?').measure, 'reserveFund');
    assert.equal(reading('Överskott från tidigare år 2027 – vad är beslutsutrymmet?').measure, 'remaining');
    assert.equal(reading('Hur länge pågår Plattform för individstöd som startade 2021?').measure, 'endDate');
    assert.ok(!reading('Har beslutsutrymmet 2027 justerats?').difference);
    assert.equal(reading('Vad är förbrukningsgraden för Framsteget 2025, justerat för avvikelser?').measure, 'utilisation');
    const higher = reading('Är prognosen högre eller lägre än budgeten för Plattform för individstöd?');
    assert.deepEqual([higher.column, higher.compareWith, higher.difference], ['budget', 'forecast', true]);
    assert.equal(reading('Blir kostnaderna högre eller lägre än intäkterna 2027?').measure, 'result');
    assert.equal(read('hur mycket ökar intäkterna och kostnaderna 2027?').kind, 'clarify');
    assert.equal(subjectId(reading('Vad kostar ISA 2027?')), 'administration-forvaltning-isa');
    assert.equal(read('Vad gick till Bryggan plus Framsteget 2026?').kind, 'clarify');
  });

  it('answers what the new refusals had caught', () => {
    assert.equal(reading('Vad betalar Arbetsförmedlingen i medlemsavgift 2025? Jag ska lägga in det i vår egen budget.').measure, 'membershipFee');
    assert.equal(reading('Hur mycket betalar alla parter i medlemsavgift 2025?').measure, 'membershipFee');
    assert.equal(subjectId(reading('Vad medfinansierar förbundet till Bryggan 2027?')), 'bryggan');
    assert.equal(reading('Vad tycker du, räcker beslutsutrymmet 2027?').measure, 'remaining');
    assert.equal(reading('Vilka insatser riktar sig till arbetslösa?').measure, 'fundedInitiatives');
    assert.equal(read('antal arbetslosa i tierp just nu').kind, 'notUnderstood');
    assert.equal(read('Hur mycket moms betalar förbundet?').kind, 'notUnderstood');
    assert.equal(read('Hur mycket har vi kvar att betala till leverantörer vid årsskiftet?').kind, 'notUnderstood');
  });

  it('reads the chat short forms, what a closed year cost, and the year after', () => {
    assert.equal(subjectId(reading('sos prog 2026')), 'samordnat-stod');
    assert.equal(reading('beslutsutr enl bu 2026').column, 'budget');
    assert.deepEqual([reading('eget kap i bokslutet 2025').measure, reading('tot kostn 2026').measure], ['equity', 'costs']);
    assert.equal(read('hur manga insatser har RU').kind, 'reading');
    assert.deepEqual(reading('och det året efter?', reading('vad går Bryggan på 2027?')).years, [2028]);
    assert.equal(reading('hur många insatser betalar vi för nästa år?').measure, 'fundedInitiatives');
    assert.equal(subjectId(reading('hur mycket betalar förbundet till Bryggan 2027')), 'bryggan');
    assert.equal(reading('vad fick förbundet in totalt 2023?').measure, 'income');
    assert.equal(reading('när är Hebys insats klar?').measure, 'endDate');
    const cost = reading('vad kostade Framsteget 2025?');
    assert.deepEqual([cost.measure, subjectId(cost)], ['actual', 'framsteget']);
    assert.equal(reading('Vad blev kostnaderna för insatserna 2025?').subject.kind, 'forbund');
    assert.equal(reading('alla insatser totalt', reading('utfall vaxtkraft 2025')).subject.kind, 'forbund');
    assert.equal(reading('och var ligger Bryggan?', reading('Förbrukningsgrad Växtkraft 2025')).measure, 'utilisation');
    assert.equal(reading('budgetsiffran, inte prognosen', reading('förvaltning 2026')).column, 'budget');
    assert.equal(subjectId(reading('och lokussamordnaren där samma år?', reading('vad får Förstärkt stöd i Älvkarleby 2027?'))), 'lokus-alvkarleby');
    const grant = reading('vi tänker söka 950 tkr för en delinsats det året, vad blir kvar?', reading('beslutsutrymme 2027'));
    assert.deepEqual([grant.measure, grant.amount], ['whatIf', 950_000]);
    assert.equal(asInsatsansvarig('tack, det var det jag behövde').kind, 'notUnderstood');
    const before = asInsatsansvarig('och hur mycket var det vid utgången av förra året?', reading('beslutsutrymme i år'));
    assert.equal(before.kind === 'reading' ? before.reading.subject.kind : before.kind, 'forbund');
  });

  it('reads what the third round of sets found', () => {
    assert.equal(subjectId(reading('förbrukningsgraden alltså', reading('Hur gick det för Min framtid ekonomiskt 2025?'))), 'min-framtid');
    const lower = reading('Kostnaderna verkar sjunka rejält till 2027 – hur mycket lägre blir de än i år?');
    assert.deepEqual([lower.measure, lower.years, lower.difference], ['costs', [2026, 2027], true]);
    assert.equal(reading('hur mycket tog insatserna ut totalt 2024?').measure, 'actual');
    assert.equal(reading('hur mycket blir det 2027 när den tar slut?', reading('vad kostar samordnat stöd för arbete och studier i år')).measure, 'line');
    const util = reading('förbrukningsgrad mot beviljad budget?', reading('RegExPro utfall 2025'));
    assert.deepEqual([util.measure, subjectId(util), util.years], ['utilisation', 'regexpro', [2025]]);
    for (const text of ['Vad blir lönerevisionen för kansliet 2027?', 'vad är snittlönen för en arbetskonsulent hos oss?'])
      assert.equal(read(text).kind, 'notUnderstood', text);
    const suppose = asInsatsansvarig('och 2028 då, om vi vill förlänga?', reading('beslutsutrymme 2027'));
    assert.deepEqual(suppose.kind === 'reading' ? [suppose.reading.measure, suppose.reading.subject.kind] : suppose.kind, ['remaining', 'forbund']);
    const paid = asInsatsansvarig('hur mycket fick vi ut 2024?');
    assert.equal(paid.kind === 'reading' ? paid.reading.measure : paid.kind, 'actual');
  });

  it('keeps what a second review of the change found ordinary', () => {
    for (const text of ['Beslutsutrymmet 2026 var 3 178 tkr i budgeten. Vad blir kvar 2027?', 'Intäkterna 2027 är 23 640 tkr. Vad blir kvar 2027?'])
      assert.equal(reading(text).measure, 'remaining', text);
    assert.deepEqual([reading('S:a intäkter 2026 – vad är prognosen?').measure, reading('S:a kostnader 2026 – vad är budgeten?').measure], ['income', 'costs']);
    assert.equal(read('vad blev Växtkraft beviljat 2025?').kind === 'reading' && reading('vad blev Växtkraft beviljat 2025?').measure, 'line');
    assert.equal(reading('och samverkansinsatserna?', reading('utfall Växtkraft 2025')).subject.kind, 'forbund');
    assert.notEqual(reading('hur stor andel av förbundets totala budget är det?', reading('utfall Växtkraft 2025')).measure, 'utilisation');
    assert.equal(read('skillnaden i intäkter och kostnader mellan 2026 och 2027').kind, 'notUnderstood');
    assert.equal(read('hur mycket medfinansierar Enköping Växtkraft?').kind, 'notUnderstood');
    assert.equal(read('vad blev resultatet inklusive finansiella intäkter 2025?').kind, 'notUnderstood');
    assert.equal(reading('hur mycket betalar vi till förbundet 2025?').measure, 'membershipFee');
    assert.equal(read('vilka ansökningar kom in 2026?').kind === 'reading' && reading('vilka ansökningar kom in 2026?').measure === 'income', false);
    assert.equal(reading('Hur länge har Lokussamordnare Älvkarleby funnits, när började den?').measure, 'startDate');
    assert.equal(reading('Har vi kvar pengar 2027 efter en ansökan på 950 tkr?').measure, 'whatIf');
    assert.equal(reading('Blir det något kvar 2027 om Bryggan får 950 tkr?').measure, 'whatIf');
    const ours = asInsatsansvarig('hur stor är var budget nästa år?');
    assert.equal(ours.kind === 'reading' ? subjectId(ours.reading) : ours.kind, 'vaxtkraft');
    const was = asInsatsansvarig('Hur stor var förbrukningsgraden för alla insatser tillsammans 2025?');
    assert.equal(was.kind === 'reading' ? was.reading.subject.kind : was.kind, 'forbund');
    assert.equal(read('hur stor är AF:s egen budget?').kind, 'notUnderstood');
    assert.equal(readQuestionWords('om vi beviljar 500 tkr av de 950 tkr de söker, vad blir kvar 2027?', Y).amount, 500_000);
    assert.equal(reading('om vi beviljar 1 mkr 2027, hur mycket blir kvar av de 2 800 tkr?').amount, 1_000_000);
    for (const text of ['gick förbundet med plus 2025?', 'gick samordningsförbundet back 2024?', 'gick vi 2025 plus?'])
      assert.equal(reading(text).measure, 'result', text);
    assert.deepEqual(reading('har vi 2 mkr kvar då?', reading('beslutsutrymme 2027')).years, [2027]);
  });

  it('reads what the fourth round of sets found', () => {
    const carried = reading('Vad tog vi med oss för överskott in i 2026?');
    assert.deepEqual([carried.measure, carried.years], ['carriedIn', [2026]]);
    assert.deepEqual(reading('och in i 2028?', carried).years, [2028]);
    assert.equal(reading('vad räknar vi med att få in totalt 2027?').measure, 'income');
    assert.equal(reading('blir det plus 2028 då?', reading('resultatet 2027?')).measure, 'result');
    assert.equal(reading('Vad gjorde En väg in - steget vidare av med 2024?').measure, 'actual');
    assert.equal(reading('hur många insatser har Enköping igång via förbundet?').measure, 'initiativesOfOwner');
    assert.equal(
      subjectId(reading('Vad lägger vi på det övriga – ekonomstöd, verksamhetsutvecklare och kompetenshöjande – 2027?')),
      'ovriga-samverkansinsatser',
    );
    assert.equal(read('skillnaden mellan ekonomstöd och verksamhetsutvecklare 2027').kind, 'clarify');
    assert.equal(reading('Region Uppsalas del av medlemsavgiften 2026').measure, 'membershipFee');
    const fee = reading('Hur mycket betalar kommunen i medlemsavgift 2025?');
    assert.deepEqual([fee.measure, fee.subject.kind], ['membershipFee', 'member']);
  });

  it('keeps what a third review found ordinary, and reads the fifth round', () => {
    assert.equal(reading('Ansökan är på 950 tkr för 2027. Vad blir kvar?').amount, 950_000);
    assert.equal(reading('Vi söker 950 tkr för 2027 och beslutsutrymmet är 2 800 tkr. Vad blir kvar?').amount, 950_000);
    assert.equal(reading('Är beslutsutrymmet 2,8 mkr 2027 om vi räknar med prognosen?').measure, 'remaining');
    assert.deepEqual(
      [reading('Har vi 2 mkr kvar 2027 om vi beviljar 500 tkr?').amount, reading('Har vi 500 tkr kvar 2027 efter att vi beviljat 2 mkr?').amount],
      [500_000, 2_000_000],
    );
    assert.equal(reading('Hur mycket pengar kom in 2025?').measure, 'income');
    assert.equal(reading('Hur mycket tog förbundet ut i medlemsavgift 2025?').measure, 'membershipFee');
    for (const text of [
      'Om vi beviljar 500 tkr till Bryggan och 300 tkr till Växtkraft 2027, vad blir kvar?',
      'Om vi ger Bryggan 400 tkr och Framsteget 200 tkr 2027, hur mycket har vi kvar?',
    ])
      assert.equal(read(text).kind, 'notUnderstood', text);
    assert.equal(read('Ekonom projektstöd och verksamhetsutvecklare 2027?').kind, 'clarify');
    assert.equal(read('Kommunernas del av medlemsavgiften 2025?').kind, 'notUnderstood');
    assert.equal(reading('Hur mycket medfinansierar vi Växtkraft 2027?').measure, 'line');
    assert.equal(subjectId(reading('och vad betalar kommunen 2024?', reading('Medlemsavgift Knivsta 2025'))), 'member');
    assert.equal(reading('hur många procent av hela budgeten är det?', reading('Utfall Växtkraft 2025')).measure, 'utilisation');
    assert.equal(reading('Hur mycket kostade RegExPro 2025 mot ramen?').measure, 'actual');
    assert.equal(read('Vad tycker du om Bryggan?').kind, 'notUnderstood');
    assert.equal(read('Vad ska vi göra åt vakanserna i Växtkraft?').kind, 'notUnderstood');
    assert.ok(reading('Hur mycket förbättrades verksamhetens resultat mellan 2024 och 2025?').difference);
    assert.equal(subjectId(reading('Vad ger vi Knivstas insats 2027?')), 'en-vag-in');
    assert.deepEqual(reading('okej, men förra året då?', reading('Vad betalar Enköping i medlemsavgift?')).years, [2025]);
  });

  it('reads what the set kept aside found when it was run', () => {
    assert.deepEqual(reading('Hur ligger vi till i förbrukningsgrad just nu?').years, [2026]);
    for (const text of ['Vad skulle det kosta oss att anställa en till på kansliet?', 'vad är lönen för en arbetskonsulent hos oss?'])
      assert.equal(read(text).kind, 'notUnderstood', text);
  });

  it('reads what the sixth round of sets found', () => {
    assert.equal(reading('och vad kostar allt det året?', reading('hur mycket får förbundet in totalt 2027?')).measure, 'costs');
    const shifted = reading('hur mycket skiljer det mot prognosen?', reading('Hebys insats budget 2026'));
    assert.deepEqual([shifted.column, shifted.compareWith, shifted.difference], ['budget', 'forecast', true]);
    const against = reading('Och hur stor är skillnaden mot budgeten?', reading('Hur mycket har Plattform för individstöd i prognosen för 2026?'));
    assert.deepEqual([against.column, against.compareWith], ['budget', 'forecast']);
    assert.equal(reading('lokussamordnaren i Uppsala, hur länge finns den kvar?').measure, 'endDate');
    assert.equal(subjectId(reading('hur stor del av budgeten gjorde de av med 2025?', reading('hur går det för Växtkraft?'))), 'vaxtkraft');
    assert.equal(asInsatsansvarig('ok tack så mycket!').kind, 'notUnderstood');
    const all = asInsatsansvarig('hur låg förbrukningen totalt för alla insatser 2025? vill jämföra med oss');
    assert.equal(all.kind === 'reading' ? all.reading.subject.kind : all.kind, 'forbund');
    const ours = asInsatsansvarig('Hur mycket rekvirerade vi totalt under 2025?');
    assert.equal(ours.kind === 'reading' ? subjectId(ours.reading) : ours.kind, 'vaxtkraft');
    assert.deepEqual(reading('hur mycket av det är överskott som följer med från 2026?', reading('beslutsutrymme 2027')).years, [2027]);
    for (const text of ['vilken tid stänger kansliet idag?', 'Vad kostade revisionen av förbundet 2025?']) assert.equal(read(text).kind, 'notUnderstood', text);
    assert.deepEqual(
      readQuestionWords('Vad kostar ISA-förvaltningen 2027? Jag har förstått att den finansieras av ESF-medel, men jag vill se beloppet.', Y).measures,
      ['line'],
    );
  });
});

describe('what the seventh round of sets found', () => {
  it('reads the region named alone, a total cost, a cost side and "gå back"', () => {
    const region = reading('och för region?', reading('Hur mycket betalade Knivsta kommun i avgift 2025?'));
    assert.deepEqual(region.subject, { kind: 'member', words: ['region', 'uppsala'] });
    assert.equal(reading('total kostnad 2028 prel').measure, 'costs');
    assert.equal(reading('skillnad budget och prognos 2026 på kostnadssidan').measure, 'costs');
    assert.equal(reading('Hur mycket beräknas vi gå back 2027?').measure, 'result');
    // A cost asked of nothing named is no beslutsutrymme.
    const cost = read('kostnad 2028 prel');
    assert.ok(cost.kind !== 'reading' || cost.reading.measure !== 'remaining', JSON.stringify(cost));
    assert.equal(read('hur mycket pengar finns i Nordeafonden nu?').kind, 'notUnderstood');
  });

  it('reads how long a funding lasts, and the year a follow-up names', () => {
    assert.equal(reading('hur länge är vi finansierade?', reading('vad får Samordnat stöd 2026?')).measure, 'endDate');
    const asked = reading('hur mycket har de rekvirerat hittills i år?', reading('Bryggan har ju fått fortsatt finansiering'));
    assert.deepEqual([asked.measure, asked.years, asked.yearImplied], ['actual', [2026], undefined]);
  });

  it('takes the difference between the years when the year changed last, and keeps a column between the table totals', () => {
    const result2025 = reading('Vad blev resultatet 2025?');
    const forecast = reading('och vad är prognosen för i år?', result2025);
    const difference = reading('hur stor är skillnaden?', forecast);
    assert.deepEqual([difference.measure, difference.years, difference.difference], ['result', [2025, 2026], true]);
    const costs = reading('och kostnaderna?', reading('intäkter 2026 budget'));
    assert.deepEqual([costs.measure, costs.column], ['costs', 'budget']);
    assert.equal(reading('och resultatet?', costs).column, 'budget');
    assert.equal(reading('och vad blev det faktiska resultatet?', reading('Vad budgeterades som årets beräknade resultat för 2023?')).column, undefined);
    assert.equal(reading('och hur mycket har Heby fått?', reading('Bryggans budget i år?')).column, undefined);
  });

  it('reads "upp eller ner" between two years as the change, and a quoted answer as no grant', () => {
    const change = asInsatsansvarig('Går vår budget upp eller ner från 2026 till 2027?');
    assert.ok(change.kind === 'reading' && change.reading.difference);
    const quoted = reading('du sa 3 038 tkr. vad blir det 2028 då', reading('kvar att besluta om 2026?'));
    assert.deepEqual([quoted.measure, quoted.years, quoted.amount], ['remaining', [2028], undefined]);
    // ("om vi får 300 tkr" after what is left may be money the förbund gets: no grant is read from it.)
    const gets = read('och om vi får 300 tkr i återbetalning?', reading('beslutsutrymme 2027'));
    assert.ok(gets.kind !== 'reading' || gets.reading.measure !== 'whatIf', JSON.stringify(gets));
  });

  it('refuses sick leave and a rent in an application', () => {
    for (const text of ['Hur hög är sjukfrånvaron bland personalen i vår insats?', 'Hur mycket lokalhyra har vi budgeterat i vår ansökan?'])
      assert.equal(asInsatsansvarig(text).kind, 'notUnderstood', text);
  });

  it('reads "arbetar" as the verb, not the insatser for arbete och studier', () => {
    const words = readQuestionWords('Jag arbetar i Uppsala kommun. hur mycket har vi fått för 2026?', Y);
    const match = matchSubjects(words.tokens, words.used, subjects);
    assert.deepEqual(match.owners, ['Uppsala']);
    assert.ok(!match.byName, 'no insats named by "arbetar"');
  });
});

describe('what an asker says they work with', () => {
  const statementOf = (text: string) => {
    const words = readQuestionWords(text, Y);
    return statementOfWork(text, words, matchSubjects(words.tokens, words.used, subjects), Y);
  };
  const own = (text: string) => {
    const words = readQuestionWords(text, Y);
    return speaksOfOwn(words, matchSubjects(words.tokens, words.used, subjects));
  };

  it('keeps the one insats or owner a statement names, by id', () => {
    assert.deepEqual(statementOf('Hej! Jag har tagit över som insatsansvarig för Bryggan i Östhammar.')?.work, { kind: 'initiative', id: 'bryggan' });
    assert.deepEqual(statementOf('Jag representerar Tierps kommun i lokusgruppen.')?.work, { kind: 'owner', owner: 'Tierp' });
    assert.deepEqual(statementOf('Jag är projektledare för Samordnat stöd för arbete och studier i Uppsala')?.work, {
      kind: 'initiative',
      id: 'samordnat-stod',
    });
    assert.deepEqual(statementOf('Jag jobbar i Uppsala kommun med en av insatserna ni finansierar')?.work, { kind: 'owner', owner: 'Uppsala' });
    // An insats of another owner than the one named is a word misread ("första" is not Förstärkt stöd).
    assert.deepEqual(statementOf('Hej! Nyvald ledamot för Knivsta kommun, första gången jag skriver här')?.work, { kind: 'owner', owner: 'Knivsta' });
  });

  it('takes nothing from a question, a request, a grant or a statement that names nothing', () => {
    for (const text of [
      'Jag undrar vad Bryggan får 2027',
      'Jag vill veta beslutsutrymmet för Bryggan',
      'Jag jobbar med Bryggan?',
      'Vi beviljar Bryggan 500 tkr',
      'Jag jobbar på kansliet',
      'Bryggan har ju fått fortsatt finansiering',
      'Jag jobbar med Bryggan och Växtkraft',
      'Vi hade möte med Tierp igår.',
      'Jag har pratat med Bryggan.',
      'Jag sitter med Hebys ansökan nu.',
      'Jag ska träffa Heby kommun imorgon.',
      'Jag vill ha budgeten för Min framtid 2027',
      'Jag jobbar inte längre med Bryggan',
      'Vi har Bryggan på dagordningen idag.',
      'Jag sitter i Enköping idag.',
      'Jag leder styrelsemötet i Tierp idag.',
      'Jag har hand om Hebys ärende.',
      'Jag jobbar på Arbetsförmedlingen i Tierp.',
      // A visit or a meeting, or the förbund represented, is no member of one's own.
      'Vi i styrelsen besöker Heby nästa vecka',
      'Jag representerar styrelsen på ett möte i Tierp',
      'Jag företräder förbundet gentemot Tierp',
    ])
      assert.equal(statementOf(text), undefined, text);
  });

  it('knows a question about "vi" that names nobody and asks what an insats or a member has', () => {
    for (const text of [
      'Vad har vi fått för budget nästa år?',
      'hur länge är vi finansierade?',
      'Hur mycket betalar vi i medlemsavgift i år?',
      'var budget 2026?',
    ])
      assert.ok(own(text), text);
    for (const text of [
      'Vad får Bryggan 2027?',
      'beslutsutrymme 2026?',
      'Vad var förbrukningsgraden för Växtkraft 2025?',
      // The förbund's own figures, whoever says "vi".
      'hur mycket kan vi bevilja 2027?',
      'vad har vi för intäkter 2026?',
      'hur mycket ökar våra kostnader 2027?',
      'vad betalade vi ut till insatserna 2025?',
      'hur mycket får vi in i medlemsavgifter totalt 2025?',
      // Utfall and förbrukningsgrad: "vad betalade vi ut?" is as often the förbund's.
      'vad betalade vi ut 2025?',
      'hur stor är vår förbrukningsgrad 2025?',
      'hur mycket lägger vi på insatser 2027?',
      'hur mycket medlemsavgift får vi in 2025?',
      // "var" is the verb, or where.
      'hur mycket var utfallet 2025?',
      'var hittar jag parkeringen?',
      // Only the förbund funds insatser.
      'hur många insatser finansierar vi 2027?',
      'hur många insatser ger vi pengar till 2027?',
    ])
      assert.ok(!own(text), text);
  });

  it('gives the stated insats, or every insats of the stated owner', () => {
    assert.deepEqual(
      initiativesStated({ kind: 'initiative', id: 'bryggan' }, subjects).map((s) => s.id),
      ['bryggan'],
    );
    assert.ok(initiativesStated({ kind: 'owner', owner: 'Uppsala' }, subjects).length > 1);
    assert.deepEqual(initiativesStated({ kind: 'initiative', id: 'nedlagd' }, subjects), []);
  });
});

describe('what the eighth round of sets found', () => {
  it('reads "dragit hittills", "tappar", the level a figure goes down to, and "samma fråga för"', () => {
    assert.deepEqual(reading('hur mycket har Växtkraft dragit hittills i år?').measure, 'actual');
    assert.ok(reading('hur mycket tappar vi i intäkter från 2026 till 2027?').difference);
    const level = reading('och vad går det ner till 2027?', reading('hur mycket kostar Min framtid 2026?'));
    assert.deepEqual([level.measure, level.years, level.difference], ['line', [2027], undefined]);
    assert.ok(reading('hur mycket går Min framtid ner till 2027?').difference);
    const same = reading('Tierps ersättare här – samma fråga för Min framtid', reading('Hur mycket rekvirerade Växtkraft under 2025?'));
    assert.deepEqual([same.measure, subjectId(same), same.years], ['actual', 'min-framtid', [2025]]);
  });

  it('counts the insatser that end, and asks whose "vår insats" is when the asker has none', () => {
    for (const text of ['hur många insatser tar slut 2026?', 'hur många projekt tar slut 2026?', 'vilka projekt tar slut 2027?'])
      assert.equal(reading(text).measure, 'endingInitiatives', text);
    assert.equal(read('hur mycket rekvirerade vår insats förra året?').kind, 'notUnderstood');
    const ours = asInsatsansvarig('hur mycket rekvirerade vår insats förra året?');
    assert.equal(ours.kind === 'reading' ? subjectId(ours.reading) : ours.kind, 'vaxtkraft');
  });

  it('refuses an opinion of a change, and parts of the members no card sums', () => {
    assert.equal(read('vad tycker styrelsen om att sänka medlemsavgiften?').kind, 'notUnderstood');
    for (const text of ['vad betalar Försäkringskassan och regionen i medlemsavgift 2025?', 'vad betalar kommunerna i medlemsavgift 2025?'])
      assert.equal(read(text).kind, 'notUnderstood', text);
    assert.equal(reading('vad betalar FK och AF i medlemsavgift 2025').measure, 'membershipFee');
  });
});

describe('what the set kept aside in stop 25 found', () => {
  it('asks nothing of "vi" beside words of no measure, and reads thanks as thanks', () => {
    for (const text of ['vilken mall ska vi använda för slutrapporten?', 'tack, det var allt!', 'vi ses på mötet'])
      assert.equal(asInsatsansvarig(text).kind, 'notUnderstood', text);
    const ours = asInsatsansvarig('vår insats?');
    assert.equal(ours.kind === 'reading' ? subjectId(ours.reading) : ours.kind, 'vaxtkraft');
  });

  it('gives the utfall behind a förbrukningsgrad asked "i kronor"', () => {
    const share = reading('hur stor del av insatspengarna användes 2025?');
    assert.equal(share.measure, 'utilisation');
    assert.deepEqual(reading('hur mycket var det i kronor då?', share).measure, 'actual');
  });

  it("refuses the difference between one year's budget and another year's estimate, but not between two estimates", () => {
    const budget = reading('Förvaltning budget 2026');
    const next = reading('och prognos 2027?', budget);
    assert.equal(read('skillnaden?', next).kind, 'notUnderstood');
    const estimates = reading('och prel 2027?', reading('Min framtid prognos 2026'));
    const change = reading('hur stor är förändringen mellan åren?', estimates);
    assert.deepEqual([change.years, change.difference], [[2026, 2027], true]);
  });
});

describe('what the ninth round of sets found', () => {
  it('reads "lönenivå" as a salary, a thousand written with a space as one number, and a ranking asked "då" of the last year', () => {
    assert.equal(read('Vilken lönenivå har lokussamordnaren i Uppsala?').kind, 'notUnderstood');
    const whatIf = reading('och om det är 1 500?', reading('om vi beviljar 800 tkr 2027 vad blir kvar'));
    assert.deepEqual([whatIf.measure, whatIf.amount, whatIf.years], ['whatIf', 1_500_000, [2027]]);
    const top = asInsatsansvarig('är det vi som får mest av alla insatser då?', reading('vad får Växtkraft nästa år?'));
    assert.deepEqual(top.kind === 'reading' ? [top.reading.measure, top.reading.years] : top.kind, ['ranking', [2027]]);
  });
});

describe('what the third review of stop 25 found', () => {
  const matched = (text: string) => {
    const words = readQuestionWords(text, Y);
    return { words, match: matchSubjects(words.tokens, words.used, subjects) };
  };

  it('takes the förbund named beside an owner as the förbund only when the owner asks, not when the owner is what is asked', () => {
    const asks = matched('Knivsta kommun vill veta hur mycket förbundets intäkter går ner mellan 2026 och 2027.');
    assert.deepEqual(withForbundNamed(asks.words, asks.match).owners, []);
    for (const text of ['vad kostar förbundets insats i Heby 2027?', 'förbundets kostnader för Knivsta 2027', 'Vad kostar förbundet Tierp 2027?']) {
      const { words, match } = matched(text);
      assert.equal(withForbundNamed(words, match), match, text);
    }
  });

  it('reads "fått fram" only of a figure, and keeps short follow-ups after thanks', () => {
    assert.ok(reading('hur har ni fått fram den siffran?', reading('vad är beslutsutrymmet nästa år?')).measure === 'remaining');
    assert.equal(subjectId(reading('hur mycket har Växtkraft fått fram till idag?', reading('vad får Bryggan 2027?'))), 'vaxtkraft');
    assert.equal(subjectId(reading('tack! Heby då?', reading('vad får Bryggan 2027?'))), 'plattform-heby');
    assert.equal(reading('tack, i procent?', reading('utfall Bryggan 2025')).measure, 'utilisation');
  });

  it('refuses the state and "region" in one fee question, and takes the budget from next year on as the only column', () => {
    assert.equal(read('vad betalar staten och region 2025').kind, 'notUnderstood');
    const next = reading('och 2028?', reading('RegExPro budget 2027'));
    assert.deepEqual(reading('hur stor är minskningen?', next).years, [2027, 2028]);
  });
});

describe('what the tenth round of sets found', () => {
  it('refuses head counts, reads an amount asked after a period as the money, "och styrelsen?" as its costs, and "betalades totalt ut" as utfall', () => {
    assert.equal(read('antal årsarbetare på kansliet 2027?').kind, 'notUnderstood');
    assert.equal(reading('hur mycket har den i år?', reading('när slutar Registerstudien?')).measure, 'line');
    assert.equal(subjectId(reading('och styrelsen?', reading('vad kostar kansliet nästa år?'))), 'governance-fortroendevalda');
    assert.equal(reading('kan styrelsen bevilja mer 2027?').measure, 'remaining');
    assert.equal(reading('Hur mycket betalades totalt ut till insatserna 2024?').measure, 'actual');
  });
});

describe('what the set kept aside for the next stop found when this stop measured with it', () => {
  it('reads "vår" typed with its å as ours, opening the question too', () => {
    const ours = asInsatsansvarig('vår prognos för 2026?');
    assert.equal(ours.kind === 'reading' ? subjectId(ours.reading) : ours.kind, 'vaxtkraft');
    assert.equal(asInsatsansvarig('var hittar jag parkeringen?').kind, 'notUnderstood');
  });
});
