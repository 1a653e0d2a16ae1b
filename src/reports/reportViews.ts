import { newOpaqueId } from '../domain/opaqueId';
import { Initiative, initiativeLabel } from '../domain/initiatives';
import { Quarter, dueDate, quarterKey, quarterLabel } from '../domain/quarters';
import { ByGender, PARTICIPANT_ROWS, REPORT_QUESTIONS, ReportAnswers, ReportVersion } from '../domain/quarterlyReports';
import { formatDateLong, formatInteger, formatKr } from '../format/swedish';
import { Reply } from '../cards/viewModels';
import { problemAt, problemSummary } from '../cards/fieldProblems';
import { ReportFields, ReportProblem, choiceField, commentField, participantField } from './validateReport';

export interface ReportFormOptions {
  readonly initiative: Initiative;
  readonly quarter: Quarter;
  readonly fields: ReportFields;
  readonly formId?: string;
  readonly problems?: readonly ReportProblem[];
  readonly previousOngoing?: ByGender;
  readonly note?: string;
  /** The version in when the form was opened; 0 for none. */
  readonly basedOn: number;
}

const numberOrNull = (value: string | undefined) => (value !== undefined && /^\d+$/.test(value.trim()) ? Number(value.trim()) : null);

export function reportFormReply(o: ReportFormOptions): Reply {
  const individual = o.initiative.kind === 'individual';
  const title = `Kvartalsrapport ${quarterLabel(o.quarter)} – ${initiativeLabel(o.initiative)}`;
  const intro = [
    `Senast ${formatDateLong(dueDate(o.quarter))}.`,
    o.note ?? 'Spara utkast när som helst och fortsätt senare; skicka in när allt är ifyllt.',
  ].join(' ');
  const problems = o.problems ?? [];
  // Every problem beside its field; several on one field are joined.
  const at = (field: string) => problemAt(problems, field);
  const fieldErrors = {
    meetingCount: at('meetingCount'),
    confirmOngoing: at('confirmOngoing'),
    shareWithPlan: at('shareWithPlan'),
    goalFulfilment: at('goalFulfilment'),
    costsToDate: at('costsToDate'),
    other: at('other'),
  };
  const errorSummary = problemSummary(problems.length);
  const view = {
    title,
    intro,
    errors: problems.map((p) => ({ text: p.text })),
    fieldErrors,
    errorSummary,
    formId: o.formId ?? newOpaqueId(),
    initiativeId: o.initiative.id,
    quarterKey: quarterKey(o.quarter),
    basedOn: String(o.basedOn),
    questions: REPORT_QUESTIONS.map((q, i) => ({
      id: q.id,
      number: i + 1,
      label: q.label,
      choices: q.choices.map((c) => ({ title: c, value: c })),
      value: o.fields[choiceField(q.id)] ?? '',
      commentLabel: q.comment,
      comment: o.fields[commentField(q.id)] ?? '',
      choiceError: at(choiceField(q.id)),
      commentError: at(commentField(q.id)),
    })),
    meetingCount: numberOrNull(o.fields.meetingCount),
    individual,
    participantRows: PARTICIPANT_ROWS.map((row) => ({
      label: row.label,
      womenId: participantField(row.key, 0),
      menId: participantField(row.key, 1),
      women: numberOrNull(o.fields[participantField(row.key, 0)]),
      men: numberOrNull(o.fields[participantField(row.key, 1)]),
      womenError: at(participantField(row.key, 0)),
      menError: at(participantField(row.key, 1)),
    })),
    ongoingHint: o.previousOngoing ? `Förra kvartalet: ${o.previousOngoing[0]} kvinnor och ${o.previousOngoing[1]} män pågående.` : '',
    confirmOngoing: o.fields.confirmOngoing === 'true' ? 'true' : 'false',
    shareWithPlan: numberOrNull(o.fields.shareWithPlan),
    goalFulfilment: o.fields.goalFulfilment ?? '',
    costsToDate: o.fields.costsToDate ?? '',
    other: o.fields.other ?? '',
  };
  return { card: { template: 'reportForm', view }, text: [title, intro, ...problems.map((p) => `- ${p.text}`)].join('\n') };
}

/** The stored answers as form fields, for a correction that starts from the last version. */
export function fieldsOf(answers: ReportAnswers): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const q of REPORT_QUESTIONS) {
    fields[choiceField(q.id)] = answers.choices[q.id];
    if (answers.comments[q.id]) fields[commentField(q.id)] = answers.comments[q.id] as string;
  }
  fields.meetingCount = String(answers.meetingCount);
  if (answers.participants) {
    for (const row of PARTICIPANT_ROWS) {
      fields[participantField(row.key, 0)] = String(answers.participants[row.key][0]);
      fields[participantField(row.key, 1)] = String(answers.participants[row.key][1]);
    }
    fields.confirmOngoing = 'true';
  }
  if (answers.shareWithPlanPercent !== undefined) fields.shareWithPlan = String(answers.shareWithPlanPercent);
  fields.goalFulfilment = answers.goalFulfilment;
  fields.costsToDate = String(answers.costsToDate);
  fields.other = answers.other;
  return fields;
}

export function reportReceiptReply(initiative: Initiative, quarter: Quarter, version: ReportVersion, alreadyFiled: boolean, staleNote?: string): Reply {
  const a = version.answers;
  const title = `Kvartalsrapport ${quarterLabel(quarter)} – ${initiativeLabel(initiative)}`;
  const status = alreadyFiled ? `Redan inlämnad (version ${version.version})` : `Inlämnad (version ${version.version})`;
  const facts = [
    { label: 'Inlämnad', value: `${formatDateLong(version.submittedOn)} av ${version.submittedBy.name}` },
    { label: 'I fas med målen', value: a.choices.inPhase },
    { label: 'Prognos', value: a.choices.forecast },
    { label: 'Upparbetade kostnader hittills i år', value: formatKr(a.costsToDate) },
  ];
  if (a.participants) {
    const p = a.participants;
    facts.push(
      { label: 'Inskrivna (k/m)', value: `${formatInteger(p.enrolled[0])}/${formatInteger(p.enrolled[1])}` },
      { label: 'Pågående vid kvartalets slut (k/m)', value: `${p.ongoing[0]}/${p.ongoing[1]}` },
    );
  }
  const deviation = a.choices.deviation === 'Ja';
  const notes = [
    ...(staleNote ? [{ text: staleNote }] : []),
    { text: 'Tack! Kansliet ser rapporten direkt. Behöver något rättas skriver du "kvartalsrapport" igen; då blir det en ny version och den här finns kvar.' },
    ...(deviation ? [{ text: 'Du svarade att det finns en avvikelse mot ansökan. Lämna den gärna nu, så kan förbundschefen besluta om den.' }] : []),
  ];
  const actions = deviation ? [{ title: 'Lämna avvikelse nu', verb: 'openDeviationForm', data: { initiativeId: initiative.id } }] : [];
  return {
    card: { template: 'receipt', view: { title, status, facts, notes, actions } },
    text: [title, status, ...facts.map((f) => `${f.label}: ${f.value}`)].join('\n'),
  };
}
