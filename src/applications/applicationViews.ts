import { Application } from '../domain/applications';
import { BudgetSummary } from '../finance/applicationBudget';
import { formatDateLong, formatKr, formatInteger } from '../format/swedish';
import { AmountTable, FormCardView, Reply } from '../cards/viewModels';
import { problemSummary } from '../cards/fieldProblems';
import { Fields, SECTIONS, SUMMARY_STEP, partnersOf, sectionsFor } from './sections';

type Action = FormCardView['actions'][number];

/** A field's label as messages name it: without the required mark and any hint in parentheses. */
const labelBase = (label: string) => label.replace(/\s*\*$/, '').replace(/\s*\(.*\)\s*$/, '');

type FormInput = Omit<FormCardView, 'errors' | 'facts' | 'notes' | 'fields' | 'errorSummary' | 'groups' | 'rowActions'> &
  Partial<Pick<FormCardView, 'errors' | 'facts' | 'notes' | 'groups' | 'rowActions'>> & {
    readonly fields: readonly Omit<FormCardView['fields'][number], 'error'>[];
  };

/** Every message names its field by label, so each problem is also shown beside the field it starts with. */
export function formReply(view: FormInput): Reply {
  const errors = view.errors ?? [];
  const fields = view.fields.map((f) => ({
    ...f,
    error:
      f.type === 'heading' || f.type === 'addLine'
        ? ''
        : errors
            .filter((e) => e.text.startsWith(`${labelBase(f.label)}`))
            .map((e) => e.text)
            .join(' '),
  }));
  const full: FormCardView = {
    facts: [],
    notes: [],
    groups: [],
    rowActions: [],
    ...view,
    errors,
    fields,
    errorSummary: problemSummary(errors.length, 'Inte klart än'),
  };
  const groupLines = full.groups.flatMap((g) => [g.title, ...g.rows.map((r) => `${r.label}: ${r.value}`)]);
  const text = [
    full.title,
    full.intro,
    ...full.errors.map((e) => `- ${e.text}`),
    ...full.facts.map((f) => `${f.label}: ${f.value}`),
    ...groupLines,
    ...full.notes.map((n) => n.text),
  ]
    .filter(Boolean)
    .join('\n');
  return { card: { template: 'formCard', view: full }, text };
}

// Two buttons at the foot fit a phone's width; saving a draft and discarding it stand in the body, one per row.
const navigation = (a: Application, step: number): Action[] => [
  {
    title: step === SUMMARY_STEP - 1 ? 'Spara och visa sammanfattning' : 'Spara och fortsätt',
    verb: 'applicationStep',
    data: { applicationId: a.id, step, direction: 'next' },
    style: 'positive',
  },
  ...(step > 0 ? [{ title: 'Tillbaka', verb: 'applicationStep', data: { applicationId: a.id, step, direction: 'back' }, style: 'default' as const }] : []),
];
const draftActions = (a: Application, step: number): FormCardView['rowActions'] => [
  { title: 'Spara utkast', verb: 'applicationStep', data: { applicationId: a.id, step, direction: 'stay' }, style: 'default' },
  { title: 'Släng utkastet', verb: 'applicationDiscard', data: { applicationId: a.id }, style: 'destructive' },
];

/** One section of the form, refilled with what is saved (or was just typed). */
export function sectionReply(a: Application, step: number, fields: Fields, problems: readonly string[] = [], note?: string): Reply {
  const section = sectionsFor(fields)[step] as (typeof SECTIONS)[number];
  return formReply({
    title: `Ny ansökan – ${step + 1} av ${SECTIONS.length + 1}: ${section.title}`,
    intro: 'Allt sparas som utkast när du går vidare. Skriv "fortsätt min ansökan" för att komma tillbaka senare.',
    errors: problems.map((text) => ({ text })),
    fields: section.fields.map((field) => ({
      id: field.id,
      label: `${field.label}${field.required ? ' *' : ''}`,
      type: field.type,
      value: fields[field.id] ?? '',
      choices: (field.choices ?? []).map((c) => ({ title: c, value: c })),
      ...(field.line ? { verb: 'applicationStep', data: { applicationId: a.id, step, direction: 'add', line: field.line } } : {}),
    })),
    notes: note ? [{ text: note }] : [],
    rowActions: draftActions(a, step),
    actions: navigation(a, step),
  });
}

const yearsText = (byYear: Readonly<Record<number, number>>) =>
  Object.entries(byYear)
    .map(([y, v]) => `${y}: ${formatKr(v)}`)
    .join(', ');

/** The summary before submitting: every section's problems, the budget per insatsägare and the split per year, which the applicant may change. */
export function summaryReply(
  a: Application,
  summary: BudgetSummary | undefined,
  yearValues: Readonly<Record<number, number>>,
  problems: readonly string[],
): Reply {
  const f = a.fields;
  const facts = [
    { label: 'Insats', value: f.name ?? '' },
    { label: 'Typ', value: f.type ?? '' },
    { label: 'Insatsägare', value: `${f.owner_org ?? ''}, ${f.owner_contact ?? ''}` },
    { label: 'Samverkansparter', value: partnersOf(f).join(', ') },
    { label: 'Insatstid', value: f.start && f.end ? `${formatDateLong(f.start)} – ${formatDateLong(f.end)}` : '' },
    ...(summary
      ? [
          { label: 'Att rekvirera från förbundet', value: formatKr(summary.requested) },
          { label: 'Egenfinansiering (utöver)', value: formatKr(summary.selfFunding) },
          { label: 'Total kostnad', value: formatKr(summary.total) },
          { label: 'Förslag per år (månadsregeln)', value: yearsText(summary.byYear) },
        ]
      : []),
  ];
  const groups = summary ? budgetTables(summary) : [];
  const fields = Object.entries(yearValues).map(([year, value]) => ({
    id: `year_${year}`,
    label: `Att rekvirera ${year}`,
    type: 'text' as const,
    value: typeof value === 'number' ? formatInteger(value) : String(value),
    choices: [],
  }));
  return formReply({
    title: `Ny ansökan – ${SECTIONS.length + 1} av ${SECTIONS.length + 1}: sammanfattning`,
    intro:
      'Kontrollera uppgifterna. Fördelningen per år följer månaderna i insatstiden (delar av månader efter antal dagar); du kan ändra den så länge summan stämmer.',
    errors: problems.map((text) => ({ text })),
    facts,
    groups,
    fields: fields.length > 0 ? [{ id: 'years_heading', label: 'Fördelning per år', type: 'heading', value: '', choices: [] }, ...fields] : [],
    // An e-mail address cannot wrap inside a fact on a phone; it stands in a note, where it can.
    notes: [
      ...(f.owner_email ? [{ text: `Kontakt: ${f.owner_contact ?? ''}, ${f.owner_email}` }] : []),
      ...(summary
        ? [
            {
              text: `Egenfinansieringen (${formatKr(summary.selfFunding)}) kommer utöver det ni söker från förbundet (${formatKr(summary.requested)}); den rekvireras inte.`,
            },
          ]
        : []),
    ],
    rowActions: SECTIONS.map((s, i) => ({
      title: `Ändra: ${s.title}`,
      verb: 'applicationGoto',
      data: { applicationId: a.id, step: i },
      style: 'default' as const,
    })),
    actions: [
      ...(problems.length === 0 && summary
        ? [{ title: 'Skicka in ansökan', verb: 'applicationSubmit', data: { applicationId: a.id }, style: 'positive' }]
        : []),
      { title: 'Tillbaka', verb: 'applicationStep', data: { applicationId: a.id, step: SUMMARY_STEP, direction: 'back' }, style: 'default' },
    ] as Action[],
  });
}

/** Each insatsägare's lines and subtotal: what the board reads when it weighs the budget. */
export function budgetTables(summary: BudgetSummary): AmountTable[] {
  return summary.owners.map((o, i) => ({
    title: `${i === 0 ? 'Huvudinsatsägare' : 'Delinsatsägare'}: ${o.organisation}`,
    rows: [
      ...o.lines.map((l) => ({ label: l.post, value: formatKr(l.amount), total: false })),
      { label: 'Att rekvirera', value: formatKr(o.requested), total: true },
      { label: 'Egenfinansiering (utöver)', value: formatKr(o.selfFunding), total: false },
      { label: 'Totalt', value: formatKr(o.total), total: true },
    ],
  }));
}

export function applicationFacts(a: Application) {
  return [
    { label: 'Diarienummer', value: a.dnr ?? '–' },
    { label: 'Insats', value: a.name ?? a.fields.name ?? '' },
    { label: 'Insatsägare', value: a.owner ?? a.fields.owner_org ?? '' },
    { label: 'Insatstid', value: a.period ? `${formatDateLong(a.period.start)} – ${formatDateLong(a.period.end)}` : '' },
    { label: 'Sökt per år', value: a.requestedByYear ? yearsText(a.requestedByYear) : '' },
    { label: 'Status', value: a.status },
    ...(a.decision?.number ? [{ label: 'Delegationsbeslut', value: a.decision.number }] : []),
  ];
}
