import { Initiative } from '../domain/initiatives';
import { ByGender, ParticipantCounts, QuarterlyReport, ReportAnswers } from '../domain/quarterlyReports';
import { Kronor } from '../domain/money';

/** The yearly follow-up as the förbund published it: per insats [women, men] for each measure, and the status table. */
export interface YearlyFollowUp {
  readonly initiatives: readonly (Initiative & { readonly status2025?: Readonly<Record<string, string>> })[];
  readonly rows: Readonly<Record<string, readonly (readonly [number, number])[]>>;
  readonly actual: Readonly<Record<string, Kronor>>;
}

/** n over four quarters, the remainder to the first ones, so a varav never exceeds its whole in any quarter. */
const share = (n: number, q: number) => Math.floor(n / 4) + (q < n % 4 ? 1 : 0);

function participantQuarters(row: readonly (readonly [number, number])[]): ParticipantCounts[] {
  const [enrolled, exited, ongoingEnd, toWork, toRehab] = row as unknown as [ByGender, ByGender, ByGender, ByGender, ByGender];
  const ongoing: [number, number] = [ongoingEnd[0] - enrolled[0] + exited[0], ongoingEnd[1] - enrolled[1] + exited[1]];
  return [0, 1, 2, 3].map((q) => {
    const pair = (v: ByGender): ByGender => [share(v[0], q), share(v[1], q)];
    const e = pair(enrolled);
    const x = pair(exited);
    ongoing[0] += e[0] - x[0];
    ongoing[1] += e[1] - x[1];
    return { enrolled: e, exited: x, exitedToWorkOrStudies: pair(toWork), exitedToRehab: pair(toRehab), ongoing: [ongoing[0], ongoing[1]] };
  });
}

/**
 * Demo only: four quarterly reports per insats for a year, recreated from the
 * published yearly follow-up (flows split evenly over the quarters, the status
 * as the year ended), so "uppföljning 2025" has something to compile.
 */
export function demoReportsFromFollowUp(associationId: string, year: number, followUp: YearlyFollowUp): QuarterlyReport[] {
  return followUp.initiatives.flatMap((initiative) => {
    const row = followUp.rows[initiative.id];
    const participants = row ? participantQuarters(row) : undefined;
    const s = initiative.status2025 ?? {};
    return [0, 1, 2, 3].map((q): QuarterlyReport => {
      const answers: ReportAnswers = {
        choices: {
          inPhase: s.inPhaseWithGoals ?? 'Ja',
          forecast: s.steeringGroupForecastGoalsMet === 'Nej' ? 'Målen kommer inte att nås fullt ut' : 'Målen kommer att nås',
          meetings: s.steeringMeetingsPerAgreement ?? 'Ja',
          representatives: 'Ja',
          followUp: 'Ja',
          targetGroup: 'Ja',
          method: 'Ja',
          equality: 'Ja',
          implementation: s.implementationDiscussed ?? 'Nej',
          deviation: s.deviationsFiled ?? 'Nej',
          vacanciesFunded: s.vacancies ?? 'Nej',
          vacanciesOwn: 'Nej',
        },
        comments: {},
        meetingCount: 1,
        ...(participants ? { participants: participants[q] as ParticipantCounts } : {}),
        goalFulfilment: `Demodata: återskapad ur förbundets uppföljning ${year}.`,
        costsToDate: Math.round(((followUp.actual[initiative.id] ?? 0) * (q + 1)) / 4),
        other: '',
      };
      return {
        associationId,
        initiativeId: initiative.id,
        year,
        quarter: (q + 1) as 1 | 2 | 3 | 4,
        versions: [
          {
            version: 1,
            formId: `demo-${initiative.id}-${year}-q${q + 1}`,
            answers,
            submittedBy: { name: 'Demodata' },
            submittedAt: `${year + (q === 3 ? 1 : 0)}-${['04', '07', '10', '01'][q]}-15T09:00:00.000Z`,
            submittedOn: `${year + (q === 3 ? 1 : 0)}-${['04', '07', '10', '01'][q]}-15`,
          },
        ],
      };
    });
  });
}
