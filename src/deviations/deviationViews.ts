import { newOpaqueId } from '../domain/opaqueId';
import { DEVIATION_KINDS, DEVIATION_KIND_LABEL, Deviation, DeviationStatus, isBudgetKind } from '../domain/deviations';
import { Initiative, initiativeLabel } from '../domain/initiatives';
import { formatDateLong, formatKr } from '../format/swedish';
import { DeviationCaseView, DeviationFormView, Fact, Reply } from '../cards/viewModels';
import { FieldProblem, problemAt, problemSummary } from '../cards/fieldProblems';

const FORM_FIELDS = ['initiativeId', 'kind', 'amount', 'fromYear', 'newEndDate', 'reason', 'position'] as const;
import { DeviationFormInput } from './validateDeviation';

export function deviationFormReply(
  initiatives: readonly Initiative[],
  years: readonly number[],
  values: DeviationFormInput & { formId?: string } = {},
  problems: readonly FieldProblem[] = [],
): Reply {
  const title = 'Ny avvikelse';
  const intro = 'Fyll i avvikelsen från ansökan. Förbundschefen beslutar på delegation och du får besked här i chatten.';
  const view = {
    title,
    intro,
    errors: problems.map((p) => ({ text: p.text })),
    fieldErrors: Object.fromEntries(FORM_FIELDS.map((f) => [f, problemAt(problems, f)])) as DeviationFormView['fieldErrors'],
    errorSummary: problemSummary(problems.length),
    formId: values.formId ?? newOpaqueId(),
    initiativeChoices: initiatives.map((i) => ({ title: initiativeLabel(i), value: i.id })),
    kindChoices: DEVIATION_KINDS.map((k) => ({ title: DEVIATION_KIND_LABEL[k], value: k })),
    yearChoices: years.map((y) => ({ title: String(y), value: String(y) })),
    initiativeId: values.initiativeId ?? (initiatives.length === 1 ? (initiatives[0] as Initiative).id : ''),
    kind: values.kind ?? '',
    amount: values.amount ?? '',
    fromYear: values.fromYear ?? (years[0] !== undefined ? String(years[0]) : ''),
    newEndDate: values.newEndDate ?? '',
    reason: values.reason ?? '',
    position: values.position ?? '',
  };
  const text = [title, ...problems.map((p) => `- ${p.text}`)].join('\n');
  return { card: { template: 'deviationForm', view }, text };
}

const STATUS_TEXT: Readonly<Record<DeviationStatus, { text: string; color: DeviationCaseView['statusColor'] }>> = {
  registreras: { text: 'Registreras', color: 'Default' },
  inlämnad: { text: 'Inlämnad – väntar på beslut av förbundschefen', color: 'Accent' },
  godkänd: { text: 'Godkänd', color: 'Good' },
  avslagen: { text: 'Avslagen', color: 'Attention' },
  återkallad: { text: 'Återkallad', color: 'Default' },
};

export function caseFacts(d: Deviation): Fact[] {
  const facts: Fact[] = [
    { label: 'Diarienummer', value: d.dnr ?? 'tilldelas' },
    { label: 'Insats', value: d.initiativeName },
    { label: 'Typ', value: DEVIATION_KIND_LABEL[d.kind] },
  ];
  if (isBudgetKind(d.kind) && d.amount !== undefined && d.fromYear !== undefined) {
    facts.push({ label: 'Belopp', value: formatKr(d.amount) });
    facts.push({
      label: d.kind === 'budget-move' ? 'Flyttas' : 'Återförs från',
      value: d.kind === 'budget-move' ? `från ${d.fromYear} till ${d.fromYear + 1}` : String(d.fromYear),
    });
  }
  if (d.newEndDate) facts.push({ label: 'Nytt slutdatum', value: formatDateLong(d.newEndDate) });
  facts.push(
    { label: 'Skäl', value: d.reason },
    { label: 'Styrgruppens ställningstagande', value: d.steeringGroupPosition },
    { label: 'Inlämnad av', value: `${d.filedBy.name}, ${formatDateLong(d.filedOn)}` },
  );
  if (d.withdrawal) facts.push({ label: 'Återkallad', value: `${formatDateLong(d.withdrawal.on)} av ${d.withdrawal.by.name}` });
  return facts;
}

export function decisionFacts(d: Deviation): Fact[] {
  const decision = d.decision;
  if (!decision) return [];
  return [
    { label: 'Beslut', value: decision.outcome === 'godkänd' ? 'Avvikelsen godkänns' : 'Avvikelsen avslås' },
    { label: 'Nummer', value: decision.number ?? 'tilldelas' },
    { label: 'Datum', value: formatDateLong(decision.decidedOn) },
    { label: 'Beslutsfattare', value: [decision.decider.name, decision.decider.title].filter(Boolean).join(', ') },
    { label: 'Motivering', value: decision.reason },
    { label: 'Anmäld till styrelsen', value: decision.reportedToBoard ? formatDateLong(decision.reportedToBoard) : 'ännu inte' },
  ];
}

export interface CaseViewOptions {
  readonly canDecide: boolean;
  readonly canOpen: boolean;
  readonly canWithdraw?: boolean;
  readonly confirmWithdraw?: boolean;
  readonly refreshUserIds: readonly string[];
  readonly effects: readonly Fact[];
  readonly notes?: readonly string[];
}

export function deviationCaseReply(d: Deviation, options: CaseViewOptions): Reply {
  const status = STATUS_TEXT[d.status];
  const title = `Avvikelse ${d.dnr ?? ''} – ${d.initiativeName}`.replace('  ', ' ');
  const view: DeviationCaseView = {
    caseId: d.id,
    title,
    status: status.text,
    statusColor: status.color,
    facts: caseFacts(d),
    effects: options.effects,
    decisionFacts: decisionFacts(d),
    notes: (options.notes ?? []).map((text) => ({ text })),
    canDecide: options.canDecide && d.status === 'inlämnad',
    canOpen: options.canOpen && d.status === 'inlämnad',
    canWithdraw: (options.canWithdraw ?? false) && d.status === 'inlämnad' && !options.confirmWithdraw,
    confirmWithdraw: (options.canWithdraw ?? false) && d.status === 'inlämnad' && (options.confirmWithdraw ?? false),
    refreshUserIds: options.refreshUserIds,
  };
  const lines = [
    title,
    status.text,
    ...view.facts.map((f) => `${f.label}: ${f.value}`),
    ...view.effects.map((f) => `${f.label}: ${f.value}`),
    ...view.decisionFacts.map((f) => `${f.label}: ${f.value}`),
    ...(options.notes ?? []),
  ];
  return { card: { template: 'deviationCase', view }, text: lines.join('\n') };
}
