import { FieldProblem, FieldProblems } from '../cards/fieldProblems';
import { containsPersonnummer } from '../domain/personalData';
import { FREE_TEXT_MAX } from '../domain/limits';
import { ByGender, PARTICIPANT_ROWS, ParticipantCounts, QuestionId, REPORT_QUESTIONS, ReportAnswers } from '../domain/quarterlyReports';
import { Kronor } from '../domain/money';
import { readAmountField } from '../format/parseAmount';

/** The form's fields as the card sends them: strings, keyed by input id. */
export type ReportFields = Readonly<Record<string, string | undefined>>;

export const choiceField = (id: QuestionId) => `choice_${id}`;
export const commentField = (id: QuestionId) => `comment_${id}`;
export const participantField = (row: keyof ParticipantCounts, gender: 0 | 1) => `p_${row}_${gender === 0 ? 'k' : 'm'}`;

export interface ReportContext {
  readonly individual: boolean;
  /** Pågående at the end of the previous quarter, from its report; undefined when there is none. */
  readonly previousOngoing?: ByGender;
}

export type ReportProblem = FieldProblem;

export type ReportValidation = { readonly ok: true; readonly answers: ReportAnswers } | { readonly ok: false; readonly problems: readonly ReportProblem[] };

/** A comment field's own label without its hint: "Skäl (krävs om …)" -> "Skäl". */
const commentName = (label: string) => label.replace(/\s*\(.*\)\s*$/, '');

const MAX_TEXT = FREE_TEXT_MAX;
const GENDER = ['kvinnor', 'män'] as const;

function wholeNumber(value: string | undefined, label: string, problems: { push(text: string): void }): number {
  const text = (value ?? '').trim();
  if (text === '') {
    problems.push(`${label}: ange ett antal (0 om inga).`);
    return 0;
  }
  if (!/^\d{1,6}$/.test(text.replace(/\s/g, ''))) {
    problems.push(`${label}: "${text}" är inget heltal ≥ 0.`);
    return 0;
  }
  return Number(text.replace(/\s/g, ''));
}

function text(value: string | undefined, label: string, problems: { push(text: string): void }, required: boolean, requiredWhy = ''): string {
  const t = (value ?? '').trim();
  if (required && t === '') problems.push(`${label} saknas${requiredWhy}.`);
  else if (t.length > MAX_TEXT) problems.push(`${label} är för lång (högst ${MAX_TEXT} tecken).`);
  else if (containsPersonnummer(t)) problems.push(`${label} innehåller något som liknar ett personnummer. Uppgifter om enskilda deltagare får inte lämnas.`);
  return t;
}

/** Every rule of forms.md, all problems at once, in Swedish. */
export function validateReport(fields: ReportFields, context: ReportContext): ReportValidation {
  const all = new FieldProblems();
  const choices = {} as Record<QuestionId, string>;
  const comments: Partial<Record<QuestionId, string>> = {};
  REPORT_QUESTIONS.forEach((q, i) => {
    const answer = fields[choiceField(q.id)] ?? '';
    if (!(q.choices as readonly string[]).includes(answer)) all.add(choiceField(q.id), `${i + 1}. ${q.label} Välj ett svar.`);
    choices[q.id] = answer;
    const comment = text(
      fields[commentField(q.id)],
      `${commentName(q.comment)} (fråga ${i + 1})`,
      all.for(commentField(q.id)),
      answer !== '' && answer !== q.expected,
      ` – krävs när svaret är "${answer}"`,
    );
    if (comment) comments[q.id] = comment;
  });
  const meetingCount = wholeNumber(fields.meetingCount, 'Antal styrgruppsmöten under kvartalet', all.for('meetingCount'));
  if (choices.meetings === 'Ja' && meetingCount === 0)
    all.add('meetingCount', 'Antal styrgruppsmöten under kvartalet: du svarade att styrgruppsmöte hållits; ange hur många.');

  let participants: ParticipantCounts | undefined;
  let shareWithPlanPercent: number | undefined;
  if (context.individual) {
    participants = readParticipants(fields, context, all);
    const share = (fields.shareWithPlan ?? '').trim();
    if (share !== '') {
      shareWithPlanPercent = wholeNumber(share.replace(/\s*%$/, ''), 'Andel avslutade med plan för vidare rehabilitering', all.for('shareWithPlan'));
      if (shareWithPlanPercent > 100) all.add('shareWithPlan', 'Andel avslutade med plan för vidare rehabilitering: andelen kan inte vara över 100 %.');
    }
  }
  const goalFulfilment = text(fields.goalFulfilment, 'Måluppfyllelse per mål', all.for('goalFulfilment'), true);
  const costsToDate = readCosts(fields.costsToDate, all.for('costsToDate'));
  const other = text(fields.other, 'Övrigt till kansliet', all.for('other'), false);
  const problems = all.list;
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    answers: {
      choices,
      comments,
      meetingCount,
      ...(participants ? { participants } : {}),
      ...(shareWithPlanPercent !== undefined ? { shareWithPlanPercent } : {}),
      goalFulfilment,
      costsToDate,
      other,
    },
  };
}

function readParticipants(fields: ReportFields, context: ReportContext, all: FieldProblems): ParticipantCounts {
  const counts = {} as Record<keyof ParticipantCounts, [number, number]>;
  for (const row of PARTICIPANT_ROWS) {
    counts[row.key] = [0, 1].map((g) =>
      wholeNumber(fields[participantField(row.key, g as 0 | 1)], `${row.label} (${GENDER[g as 0 | 1]})`, all.for(participantField(row.key, g as 0 | 1))),
    ) as [number, number];
  }
  for (const g of [0, 1] as const) {
    const varav = counts.exitedToWorkOrStudies[g] + counts.exitedToRehab[g];
    if (varav > counts.exited[g])
      all.add(participantField('exitedToWorkOrStudies', g), `"varav" (${varav}) kan inte vara fler än avslutade (${counts.exited[g]}) för ${GENDER[g]}.`);
  }
  const confirmed = fields.confirmOngoing === 'true';
  if (context.previousOngoing) {
    const previous = context.previousOngoing;
    const expected = ([0, 1] as const).map((g) => previous[g] + counts.enrolled[g] - counts.exited[g]);
    const off = ([0, 1] as const).filter((g) => expected[g] !== counts.ongoing[g]);
    if (off.length > 0 && !confirmed) {
      const detail = off
        .map(
          (g) =>
            `${GENDER[g]}: ${(context.previousOngoing as ByGender)[g]} + ${counts.enrolled[g]} − ${counts.exited[g]} = ${expected[g]}, inte ${counts.ongoing[g]}`,
        )
        .join('; ');
      all.add(
        'confirmOngoing',
        `Pågående vid kvartalets slut stämmer inte med förra kvartalets rapport (${detail}). Rätta siffrorna eller kryssa i att antalet stämmer ändå.`,
      );
    }
  } else if (!confirmed) {
    all.add('confirmOngoing', 'Det finns ingen rapport för förra kvartalet att stämma av pågående mot; kryssa i att antalet pågående stämmer.');
  }
  return counts as unknown as ParticipantCounts;
}

function readCosts(value: string | undefined, problems: { push(text: string): void }): Kronor {
  const parsed = readAmountField('Upparbetade kostnader hittills i år', value, { allowZero: true });
  if (!parsed.ok) problems.push(parsed.problem);
  return parsed.ok ? parsed.kronor : 0;
}
