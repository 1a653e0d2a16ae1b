import { Initiative, initiativeLabel } from '../domain/initiatives';
import { Quarter, quarterEnd, quarterKey, quartersThrough } from '../domain/quarters';
import { ByGender, ParticipantCounts, QuarterlyReport, ReportAnswers, latestVersion } from '../domain/quarterlyReports';
import { linearUtilisation } from '../finance/utilisation';
import { Kronor, sum, wholePercent } from '../domain/money';

export type YesNo = 'Ja' | 'Nej';
export type TrafficLight = 'grön' | 'gul' | 'röd';

export interface FollowUpPeriod {
  readonly year: number;
  /** The period runs from the year's first quarter through this one. */
  readonly through: Quarter;
}

export interface StatusRow {
  readonly initiativeId: string;
  readonly inPhaseWithGoals: string;
  readonly steeringGroupForecastGoalsMet: YesNo;
  readonly light: TrafficLight;
  readonly steeringMeetingsPerAgreement: YesNo;
  readonly meetingCount: number;
  readonly representativesAttended: YesNo;
  readonly followUpSubmitted: string;
  readonly targetGroupAsApplied: YesNo;
  readonly methodAsApplied: YesNo;
  readonly equalityDiscussed: YesNo;
  readonly implementationDiscussed: YesNo;
  readonly deviationsFiled: YesNo;
  readonly vacancies: YesNo;
  /** Quarters of the period without a report. */
  readonly missingQuarters: readonly string[];
}

export interface BudgetRow {
  readonly initiativeId: string;
  /** Whether any report in the period gave upparbetade kostnader; without one, costs are 0 and say nothing. */
  readonly reported: boolean;
  readonly budget: Kronor;
  readonly costs: Kronor;
  readonly percent: number | undefined;
  /** During the year: the linear expectation at the period's end and the kvot against it. */
  readonly expected?: Kronor;
  readonly percentOfExpected?: number;
}

export type ParticipantTable = Readonly<Record<keyof ParticipantCounts, ByGender>>;

export interface FollowUp {
  readonly period: FollowUpPeriod;
  readonly initiatives: readonly {
    readonly id: string;
    readonly label: string;
    readonly kind: Initiative['kind'];
    readonly start: string;
    readonly end: string;
  }[];
  readonly status: readonly StatusRow[];
  readonly budget: readonly BudgetRow[];
  readonly budgetTotal: BudgetRow;
  readonly participants: readonly { readonly initiativeId: string; readonly counts: ParticipantTable }[];
  readonly participantTotals: ParticipantTable;
  /**
   * Avslutade till arbete, studier eller arbetssökande as a share of the exits, leaving out
   * the other exits of insatser that closed before the period's end (they left because the
   * insats ended, not as an outcome), as the förbund reports it.
   */
  readonly toWorkOrStudies: { readonly count: number; readonly exits: number; readonly excludedClosedExits: number; readonly percent: number | undefined };
}

const FLOWS = ['enrolled', 'exited', 'exitedToWorkOrStudies', 'exitedToRehab'] as const;
const ZERO: ByGender = [0, 0];
const add = (a: ByGender, b: ByGender): ByGender => [a[0] + b[0], a[1] + b[1]];
const anyYes = (values: readonly string[]): YesNo => (values.includes('Ja') ? 'Ja' : 'Nej');
const allYes = (values: readonly string[]): YesNo => (values.length > 0 && values.every((v) => v === 'Ja') ? 'Ja' : 'Nej');
const WORST = ['Nej', 'Delvis', 'Ja'];
const worst = (values: readonly string[]) => [...values].sort((a, b) => WORST.indexOf(a) - WORST.indexOf(b))[0] ?? '–';

function light(inPhase: string, forecast: YesNo): TrafficLight {
  if (inPhase === 'Nej') return 'röd';
  return inPhase === 'Ja' && forecast === 'Ja' ? 'grön' : 'gul';
}

/** Whole percent of `part` in `whole`, rounded half up per cell as the förbund does. */
export const sharePercent = (part: number, whole: number) => wholePercent(part, whole);

/**
 * Compiles the board's follow-up from the quarterly reports. Flows (inskrivna,
 * avslutade and their varav) add up over the quarters; stocks (pågående) and the
 * present state of the goals come from the period's last report; events (avvikelser,
 * vakanser, discussions) count if they happened in any quarter; meetings per
 * agreement must hold in every quarter.
 */
export function compileFollowUp(
  period: FollowUpPeriod,
  initiatives: readonly Initiative[],
  reports: readonly QuarterlyReport[],
  budgets: Readonly<Record<string, Kronor>>,
): FollowUp {
  const quarters = quartersThrough(period.through);
  const periodStart = `${period.year}-01-01`;
  const periodEnd = quarterEnd(period.through);
  const active = initiatives.filter((i) => i.period.start <= periodEnd && i.period.end >= periodStart);
  const reportsOf = (id: string) =>
    quarters
      .map((q) => reports.find((r) => r.initiativeId === id && r.year === q.year && r.quarter === q.quarter))
      .filter((r): r is QuarterlyReport => r !== undefined)
      .map((r) => ({ quarter: r.quarter, answers: latestVersion(r).answers }));

  const status: StatusRow[] = [];
  const budget: BudgetRow[] = [];
  const participants: { initiativeId: string; counts: ParticipantTable }[] = [];
  for (const initiative of active) {
    const filed = reportsOf(initiative.id);
    const last = filed[filed.length - 1]?.answers;
    if (last)
      status.push(
        statusRow(
          initiative.id,
          filed.map((f) => f.answers),
          last,
          quarters.filter((q) => !filed.some((f) => f.quarter === q.quarter)).map(quarterKey),
        ),
      );
    const annual = budgets[initiative.id];
    if (annual !== undefined) budget.push(budgetRow(initiative.id, annual, last?.costsToDate ?? 0, period, last !== undefined));
    const counts = filed.map((f) => f.answers.participants).filter((p): p is ParticipantCounts => p !== undefined);
    if (initiative.kind === 'individual' && counts.length > 0) participants.push({ initiativeId: initiative.id, counts: sumParticipants(counts) });
  }
  const participantTotals = Object.fromEntries(
    [...FLOWS, 'ongoing'].map((key) => [key, participants.reduce<ByGender>((acc, p) => add(acc, p.counts[key as keyof ParticipantCounts]), ZERO)]),
  ) as unknown as ParticipantTable;
  const closedEarly = new Set(active.filter((i) => i.period.end < periodEnd).map((i) => i.id));
  const excludedClosedExits = sum(
    participants
      .filter((p) => closedEarly.has(p.initiativeId))
      .map((p) => p.counts.exited[0] + p.counts.exited[1] - p.counts.exitedToWorkOrStudies[0] - p.counts.exitedToWorkOrStudies[1]),
  );
  const count = participantTotals.exitedToWorkOrStudies[0] + participantTotals.exitedToWorkOrStudies[1];
  const exits = participantTotals.exited[0] + participantTotals.exited[1] - excludedClosedExits;
  return {
    period,
    initiatives: active.map((i) => ({ id: i.id, label: initiativeLabel(i), kind: i.kind, start: i.period.start, end: i.period.end })),
    status,
    budget,
    // The total covers the insatser that reported, so a missing report does not look like unspent money.
    budgetTotal: budgetRow(
      'totalt',
      sum(budget.filter((b) => b.reported).map((b) => b.budget)),
      sum(budget.filter((b) => b.reported).map((b) => b.costs)),
      period,
      true,
    ),
    participants,
    participantTotals,
    toWorkOrStudies: { count, exits, excludedClosedExits, percent: sharePercent(count, exits) },
  };
}

function statusRow(initiativeId: string, all: readonly ReportAnswers[], last: ReportAnswers, missingQuarters: readonly string[]): StatusRow {
  const every = (id: keyof ReportAnswers['choices']) => all.map((a) => a.choices[id]);
  const forecast: YesNo = last.choices.forecast === 'Målen kommer att nås' ? 'Ja' : 'Nej';
  return {
    initiativeId,
    inPhaseWithGoals: last.choices.inPhase,
    steeringGroupForecastGoalsMet: forecast,
    light: light(last.choices.inPhase, forecast),
    steeringMeetingsPerAgreement: allYes(every('meetings')),
    meetingCount: sum(all.map((a) => a.meetingCount)),
    representativesAttended: allYes(every('representatives')),
    followUpSubmitted: worst(every('followUp')),
    targetGroupAsApplied: allYes(every('targetGroup')),
    methodAsApplied: allYes(every('method')),
    equalityDiscussed: anyYes(every('equality')),
    implementationDiscussed: anyYes(every('implementation')),
    deviationsFiled: anyYes(every('deviation')),
    vacancies: anyYes([...every('vacanciesFunded'), ...every('vacanciesOwn')]),
    missingQuarters,
  };
}

function budgetRow(initiativeId: string, annual: Kronor, costs: Kronor, period: FollowUpPeriod, reported: boolean): BudgetRow {
  const percent = wholePercent(costs, annual);
  if (period.through.quarter === 4) return { initiativeId, reported, budget: annual, costs, percent };
  const linear = linearUtilisation(costs, annual, quarterEnd(period.through));
  return { initiativeId, reported, budget: annual, costs, percent, expected: linear.expected, percentOfExpected: linear.percent };
}

function sumParticipants(quarters: readonly ParticipantCounts[]): ParticipantTable {
  const flows = Object.fromEntries(FLOWS.map((key) => [key, quarters.reduce<ByGender>((acc, q) => add(acc, q[key]), ZERO)]));
  return { ...flows, ongoing: (quarters[quarters.length - 1] as ParticipantCounts).ongoing } as ParticipantTable;
}
