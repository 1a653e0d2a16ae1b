import { containsPersonnummer } from '../domain/personalData';
import { FREE_TEXT_MAX, MAX_PERIOD_YEARS, isSaneDate, withinMaxPeriod } from '../domain/limits';
import { BudgetOwner, SalaryLine } from '../finance/applicationBudget';
import { Kronor } from '../domain/money';
import { readAmountField } from '../format/parseAmount';

export type FieldType = 'heading' | 'text' | 'multiline' | 'date' | 'choice' | 'addLine';

export interface FieldDef {
  readonly id: string;
  readonly label: string;
  readonly type: FieldType;
  readonly required?: boolean;
  readonly choices?: readonly string[];
  /** For an addLine button: the group it adds a line to. */
  readonly line?: LineKind;
}

/** The groups of the form that take any number of lines ("Lägg till …"). */
export const LINE_KINDS = ['partner', 'b1_salary', 'b1_other', 'b2_salary', 'b2_other'] as const;
export type LineKind = (typeof LINE_KINDS)[number];
/** Bounds the card's size (Teams refuses a card over about 28 KB) and the schema's keys. */
export const MAX_LINES: Readonly<Record<LineKind, number>> = { partner: 8, b1_salary: 10, b1_other: 10, b2_salary: 10, b2_other: 10 };
const DEFAULT_LINES = 2;
const countKey = (kind: LineKind) => `lines_${kind}`;

/** How many lines a group shows: two, or more once the applicant has added some. */
export function lineCount(fields: Fields, kind: LineKind): number {
  const n = Number(fields[countKey(kind)]);
  return Number.isInteger(n) && n > DEFAULT_LINES ? Math.min(n, MAX_LINES[kind]) : DEFAULT_LINES;
}

/** The fields with one more line in a group, or undefined when the group is full. */
export function withOneMoreLine(fields: Readonly<Record<string, string>>, kind: LineKind): Readonly<Record<string, string>> | undefined {
  const n = lineCount(fields, kind);
  return n >= MAX_LINES[kind] ? undefined : { ...fields, [countKey(kind)]: String(n + 1) };
}

export const INSATS_TYPES = ['Individinsats', 'Strukturinsats', 'Kompetenshöjande insats'] as const;
export const OTHER_POSTS = [
  'Utvärdering',
  'Spridningsseminarier',
  'Utbildning insatsmedarbetare',
  'Inköpta utredningar, utbildningar och tjänster för deltagare',
  'Övriga aktiviteter för deltagare',
  'Telefon/IT',
  'Resor',
  'Tolk',
  'Informationsmaterial',
  'Övrigt',
] as const;

const f = (id: string, label: string, type: FieldType, required = false, choices?: readonly string[]): FieldDef => ({
  id,
  label,
  type,
  required,
  ...(choices ? { choices } : {}),
});
const addLine = (line: LineKind, label: string): FieldDef => ({ id: `add_${line}`, label, type: 'addLine', line });
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

function budgetFields(o: 1 | 2, counts: (kind: LineKind) => number): FieldDef[] {
  const who = o === 1 ? 'Huvudinsatsägare' : 'Delinsatsägare (lämna tomt om ingen)';
  const fields: FieldDef[] = [f(`b${o}_heading`, who, 'heading')];
  if (o === 2) fields.push(f('b2_org', 'Delinsatsägare (organisation)', 'text'));
  for (const s of range(counts(o === 1 ? 'b1_salary' : 'b2_salary'))) {
    fields.push(
      f(`b${o}_s${s}_title`, `Lön ${s}: tjänst`, 'text'),
      f(`b${o}_s${s}_percent`, `Lön ${s}: omfattning (%)`, 'text'),
      f(`b${o}_s${s}_from`, `Lön ${s}: från`, 'date'),
      f(`b${o}_s${s}_to`, `Lön ${s}: till`, 'date'),
      f(`b${o}_s${s}_amount`, `Lön ${s}: belopp inkl. PO-pålägg (eller fyll i månadslön och PO-pålägg)`, 'text'),
      f(`b${o}_s${s}_monthly`, `Lön ${s}: månadslön`, 'text'),
      f(`b${o}_s${s}_po`, `Lön ${s}: PO-pålägg (%)`, 'text'),
    );
  }
  fields.push(addLine(o === 1 ? 'b1_salary' : 'b2_salary', 'Lägg till en lön'));
  fields.push(f(`b${o}_premises`, 'Lokalkostnader', 'text'));
  for (const c of range(counts(o === 1 ? 'b1_other' : 'b2_other'))) {
    fields.push(
      f(`b${o}_other${c}_post`, `Övrig kostnad ${c}: post`, 'choice', false, OTHER_POSTS),
      f(`b${o}_other${c}_name`, `Övrig kostnad ${c}: egen benämning (valfritt)`, 'text'),
      f(`b${o}_other${c}_amount`, `Övrig kostnad ${c}: belopp`, 'text'),
    );
  }
  fields.push(addLine(o === 1 ? 'b1_other' : 'b2_other', 'Lägg till en övrig kostnad'));
  fields.push(f(`b${o}_self`, 'Egenfinansiering (partens egna medel)', 'text'));
  return fields;
}

function partnerFields(count: number): FieldDef[] {
  return [
    f('partners_heading', 'Samverkansparter (minst en annan part)', 'heading'),
    ...range(count).flatMap((n) => [
      f(`partner${n}_org`, `Part ${n}: organisation`, 'text', n === 1),
      f(`partner${n}_contact`, `Part ${n}: kontaktperson`, 'text'),
      f(`partner${n}_email`, `Part ${n}: e-post`, 'text'),
    ]),
    addLine('partner', 'Lägg till en samverkanspart'),
  ];
}

export type Section = { readonly title: string; readonly fields: readonly FieldDef[] };

function sectionsWith(counts: (kind: LineKind) => number): readonly Section[] {
  return [
    {
      title: 'Insatsen och insatsägare',
      fields: [
        f('name', 'Insatsens namn', 'text', true),
        f('type', 'Typ av insats', 'choice', true, INSATS_TYPES),
        f('owner_org', 'Insatsägare (organisation)', 'text', true),
        f('owner_contact', 'Kontaktperson', 'text', true),
        f('owner_email', 'E-post', 'text', true),
        ...partnerFields(counts('partner')),
      ],
    },
    {
      title: 'Syfte, mål och behov',
      fields: [
        f('purpose', 'Syfte', 'multiline', true),
        f('goal_overall', 'Övergripande mål', 'multiline', true),
        f('goal_effect', 'Effektmål (mätbara)', 'multiline', true),
        f('goal_initiative', 'Insatsmål (mätbara)', 'multiline', true),
        f('background', 'Bakgrund och behov', 'multiline', true),
      ],
    },
    {
      title: 'Insatstid, målgrupp och metod',
      fields: [
        f('start', 'Planerad start', 'date', true),
        f('end', 'Planerat slut', 'date', true),
        f('last_intake', 'Sista intag (valfritt)', 'date'),
        f('target_group', 'Målgrupp', 'multiline', true),
        f('participants', 'Förväntat antal deltagare', 'text', true),
        f('method', 'Metod', 'multiline', true),
        f('follow_up', 'Uppföljning och utvärdering', 'multiline', true),
        f('implementation', 'Implementering: hur tas resultaten över efter insatsen?', 'multiline', true),
        f('lokus_date', 'Förankrad i lokusgruppen (datum)', 'date', true),
      ],
    },
    { title: 'Budget', fields: [...budgetFields(1, counts), ...budgetFields(2, counts)] },
  ];
}

/** The sections of one draft, with as many lines as it has; the summary follows the last. */
export const sectionsFor = (fields: Fields): readonly Section[] => sectionsWith((kind) => lineCount(fields, kind));
/** The sections with the default two lines per group: their titles and number are the same for every draft. */
export const SECTIONS: readonly Section[] = sectionsWith(() => DEFAULT_LINES);
/** Every field a draft can have (every group at its maximum): the keys a card may send. */
export const ALL_FIELDS: readonly FieldDef[] = sectionsWith((kind) => MAX_LINES[kind]).flatMap((s) => s.fields);

export const SUMMARY_STEP = SECTIONS.length;
export type Fields = Readonly<Record<string, string | undefined>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const isDate = isSaneDate;
const value = (fields: Fields, id: string) => (fields[id] ?? '').trim();

/** Every problem with one section, in Swedish. */
export function validateSection(step: number, fields: Fields): string[] {
  const section = sectionsFor(fields)[step];
  if (!section) return [];
  const problems: string[] = [];
  for (const field of section.fields) {
    const v = value(fields, field.id);
    if (field.type === 'heading' || field.type === 'addLine') continue;
    if (field.required && v === '') problems.push(`${field.label} saknas.`);
    if (v !== '' && field.type === 'date' && !isDate(v))
      problems.push(`${field.label}: "${v.slice(0, 40)}" är inget datum mellan år 2000 och 2100 (skriv som 2027-01-31).`);
    if (v !== '' && field.type === 'choice' && field.choices && !field.choices.includes(v)) problems.push(`${field.label}: välj ett av alternativen.`);
    if (v.length > FREE_TEXT_MAX) problems.push(`${field.label} är för lång (högst ${FREE_TEXT_MAX} tecken).`);
    if (v !== '' && field.id.endsWith('_email') && !EMAIL.test(v)) problems.push(`${field.label}: "${v}" är ingen e-postadress.`);
    if ((field.type === 'text' || field.type === 'multiline') && containsPersonnummer(v))
      problems.push(`${field.label} innehåller något som liknar ett personnummer. Uppgifter om enskilda får inte lämnas.`);
  }
  if (step === 0 && partnersOf(fields).some((p) => p.toLowerCase() === value(fields, 'owner_org').toLowerCase()))
    problems.push('Samverkansparten ska vara en annan part än insatsägaren.');
  if (step === 2) {
    const [start, end, intake] = ['start', 'end', 'last_intake'].map((id) => value(fields, id));
    if (isDate(start as string) && isDate(end as string) && (end as string) <= (start as string)) problems.push('Planerat slut måste ligga efter start.');
    else if (isDate(start as string) && isDate(end as string) && !withinMaxPeriod(start as string, end as string))
      problems.push(`Insatstiden kan vara högst ${MAX_PERIOD_YEARS} år.`);
    if (intake && isDate(intake) && (intake < (start as string) || intake > (end as string))) problems.push('Sista intag måste ligga inom insatstiden.');
    const participants = value(fields, 'participants');
    if (participants !== '' && !/^\d{1,5}$/.test(participants)) problems.push(`Förväntat antal deltagare: "${participants}" är inget heltal.`);
  }
  if (step === 3) problems.push(...parseBudget(fields).problems);
  return problems;
}

function amount(fields: Fields, id: string, label: string, problems: string[]): Kronor | undefined {
  const v = value(fields, id);
  if (v === '') return undefined;
  const parsed = readAmountField(label, v, { allowZero: true });
  if (!parsed.ok) problems.push(parsed.problem);
  return parsed.ok ? parsed.kronor : undefined;
}

/** The budget section as insatsägare with their posts; lines left empty are skipped. */
export function parseBudget(fields: Fields): { owners: BudgetOwner[]; problems: string[] } {
  const problems: string[] = [];
  const owners: BudgetOwner[] = [];
  for (const o of [1, 2] as const) {
    const organisation = o === 1 ? value(fields, 'owner_org') : value(fields, 'b2_org');
    const salaries: SalaryLine[] = [];
    for (const s of range(lineCount(fields, o === 1 ? 'b1_salary' : 'b2_salary'))) {
      const id = (k: string) => `b${o}_s${s}_${k}`;
      const title = value(fields, id('title'));
      const label = `${o === 1 ? 'Huvudinsatsägare' : 'Delinsatsägare'}, lön ${s}`;
      if (!title) continue;
      const percent = Number(value(fields, id('percent')).replace(',', '.'));
      const from = value(fields, id('from'));
      const to = value(fields, id('to'));
      if (!(percent > 0 && percent <= 100)) problems.push(`${label}: omfattningen ska vara 1–100 %.`);
      if (!isDate(from) || !isDate(to) || to < from) problems.push(`${label}: ange från- och till-datum i ordning.`);
      const lineAmount = amount(fields, id('amount'), label, problems);
      const monthly = amount(fields, id('monthly'), `${label}, månadslön`, problems);
      const po = Number(value(fields, id('po')).replace(',', '.'));
      if (lineAmount === undefined && (monthly === undefined || !(po >= 0) || value(fields, id('po')) === ''))
        problems.push(`${label}: ange beloppet, eller månadslön och PO-pålägg.`);
      salaries.push({ title, percent, from, to, ...(lineAmount !== undefined ? { amount: lineAmount } : { monthlySalary: monthly, poRatePercent: po }) });
    }
    const premises = amount(fields, `b${o}_premises`, 'Lokalkostnader', problems) ?? 0;
    const otherCosts = range(lineCount(fields, o === 1 ? 'b1_other' : 'b2_other')).flatMap((c) => {
      const a = amount(fields, `b${o}_other${c}_amount`, `Övrig kostnad ${c}`, problems);
      return a ? [{ post: otherPostName(value(fields, `b${o}_other${c}_post`), value(fields, `b${o}_other${c}_name`)), amount: a }] : [];
    });
    const selfFunding = amount(fields, `b${o}_self`, 'Egenfinansiering', problems) ?? 0;
    const empty = salaries.length === 0 && premises === 0 && otherCosts.length === 0 && selfFunding === 0;
    if (o === 2 && (empty || !organisation)) {
      if (!empty && !organisation) problems.push('Ange delinsatsägarens organisation, eller lämna dess budget tom.');
      continue;
    }
    owners.push({ organisation, role: o === 1 ? 'huvudinsatsägare' : 'delinsatsägare', salaries, premises, otherCosts, selfFunding });
  }
  if (owners.every((o) => o.salaries.length === 0 && o.premises === 0 && o.otherCosts.length === 0))
    problems.push('Budgeten är tom: ange minst en kostnad att rekvirera från förbundet.');
  return { owners, problems };
}

/** The post as the applicant named it: the form's post, their own name for it, or both ("Resor: studiebesök i Umeå"). */
function otherPostName(post: string, name: string): string {
  if (!name) return post || 'Övrigt';
  return post && post !== 'Övrigt' ? `${post}: ${name}` : name;
}

/** Every samverkanspart the applicant named, in order. */
export function partnersOf(fields: Fields): string[] {
  return range(lineCount(fields, 'partner'))
    .map((n) => value(fields, `partner${n}_org`))
    .filter((v) => v !== '');
}
