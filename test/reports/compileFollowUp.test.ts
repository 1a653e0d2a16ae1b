import assert from 'assert/strict';
import { Initiative } from '../../src/domain/initiatives';
import { ByGender, ParticipantCounts, QuarterlyReport, ReportAnswers } from '../../src/domain/quarterlyReports';
import { toKronor } from '../../src/domain/money';
import { compileFollowUp } from '../../src/reports/compileFollowUp';
import { readDataFile } from '../helpers/data';

interface FollowUpFile {
  initiatives: (Initiative & { status2025?: Record<string, string> })[];
  spending2025: { initiative: string; budget2025: number; actual2025: number; utilisationPercentVsBudget: number }[];
  participants2025: { columns: string[]; rows: Record<string, [number, number][]>; totals: [number, number][] };
}
const data = readDataFile<FollowUpFile>('uppsala-2025-uppfoljning.json');
const MEASURES = ['enrolled', 'exited', 'ongoing', 'exitedToWorkOrStudies', 'exitedToRehab'] as const; // the data's column order

/** n split over four quarters, the remainder to the first ones (so a varav never exceeds its whole in any quarter). */
const quarterly = (n: number, q: number) => Math.floor(n / 4) + (q < n % 4 ? 1 : 0);

/** Four quarterly participant reports whose flows add up to the year and whose stock ends where the year ended. */
function participantsByQuarter(row: [number, number][]): ParticipantCounts[] {
  const [enrolled, exited, ongoingEnd, toWork, toRehab] = row as unknown as [ByGender, ByGender, ByGender, ByGender, ByGender];
  const perGender = (g: 0 | 1) => {
    let ongoing = ongoingEnd[g] - enrolled[g] + exited[g]; // at the start of the year
    return [0, 1, 2, 3].map((q) => {
      const e = quarterly(enrolled[g], q);
      const x = quarterly(exited[g], q);
      ongoing += e - x;
      assert.ok(ongoing >= 0, 'a consistent split');
      return { e, x, w: quarterly(toWork[g], q), r: quarterly(toRehab[g], q), o: ongoing };
    });
  };
  const women = perGender(0);
  const men = perGender(1);
  return [0, 1, 2, 3].map((q) => {
    const k = women[q] as (typeof women)[number];
    const m = men[q] as (typeof men)[number];
    return { enrolled: [k.e, m.e], exited: [k.x, m.x], exitedToWorkOrStudies: [k.w, m.w], exitedToRehab: [k.r, m.r], ongoing: [k.o, m.o] };
  });
}

/** Answers per quarter that differ from quarter to quarter, so only the compile rules can give the year's status. */
function answersFor(q: number, status: Record<string, string> | undefined, participants: ParticipantCounts | undefined, costsToDate: number): ReportAnswers {
  const last = q === 3;
  const s = status ?? {
    inPhaseWithGoals: 'Ja',
    steeringGroupForecastGoalsMet: 'Ja',
    steeringMeetingsPerAgreement: 'Ja',
    deviationsFiled: 'Nej',
    vacancies: 'Nej',
    implementationDiscussed: 'Nej',
  };
  return {
    choices: {
      inPhase: last ? (s.inPhaseWithGoals as string) : 'Nej', // only the last report's present state counts
      forecast: last
        ? s.steeringGroupForecastGoalsMet === 'Ja'
          ? 'Målen kommer att nås'
          : 'Målen kommer inte att nås fullt ut'
        : 'Målen kommer inte att nås fullt ut',
      meetings: s.steeringMeetingsPerAgreement === 'Ja' || q !== 2 ? 'Ja' : 'Nej',
      representatives: 'Ja',
      followUp: 'Ja',
      targetGroup: 'Ja',
      method: 'Ja',
      equality: 'Ja',
      implementation: s.implementationDiscussed === 'Ja' && q === 0 ? 'Ja' : 'Nej', // discussed once is enough
      deviation: s.deviationsFiled === 'Ja' && q === 1 ? 'Ja' : 'Nej',
      vacanciesFunded: 'Nej',
      vacanciesOwn: s.vacancies === 'Ja' && q === 2 ? 'Ja' : 'Nej',
    },
    comments: {},
    meetingCount: 1,
    participants,
    goalFulfilment: 'Enligt plan.',
    costsToDate,
    other: '',
  };
}

function reportsFor2025(): QuarterlyReport[] {
  const reports: QuarterlyReport[] = [];
  for (const initiative of data.initiatives) {
    const row = data.participants2025.rows[initiative.id];
    const participants = row ? participantsByQuarter(row) : undefined;
    const spending = data.spending2025.find((s) => s.initiative === initiative.id);
    for (let q = 0; q < 4; q += 1) {
      const costs = spending ? toKronor((spending.actual2025 * (q + 1)) / 4, 'tkr') : 0;
      reports.push({
        associationId: 'uppsala',
        initiativeId: initiative.id,
        year: 2025,
        quarter: (q + 1) as 1 | 2 | 3 | 4,
        versions: [
          {
            version: 1,
            formId: `f-${initiative.id}-${q}`,
            answers: answersFor(q, initiative.status2025, participants?.[q], costs),
            submittedBy: { name: 'test' },
            submittedAt: '2026-01-15T09:00:00Z',
            submittedOn: '2026-01-15',
          },
        ],
      });
    }
  }
  return reports;
}

describe('the board’s follow-up compiled from quarterly reports (2025, Uppsala)', () => {
  const budgets = Object.fromEntries(data.spending2025.map((s) => [s.initiative, toKronor(s.budget2025, 'tkr')]));
  const followUp = compileFollowUp({ year: 2025, through: { year: 2025, quarter: 4 } }, data.initiatives, reportsFor2025(), budgets);

  it('reproduces every cell of the 2025 participant table, and its totals', () => {
    for (const [id, row] of Object.entries(data.participants2025.rows)) {
      const compiled = followUp.participants.find((p) => p.initiativeId === id);
      assert.ok(compiled, id);
      MEASURES.forEach((measure, column) => assert.deepEqual(compiled.counts[measure], row[column], `${id} ${measure}`));
    }
    assert.equal(followUp.participants.length, Object.keys(data.participants2025.rows).length, 'structural insatser have no participant rows');
    MEASURES.forEach((measure, column) => assert.deepEqual(followUp.participantTotals[measure], data.participants2025.totals[column], `total ${measure}`));
  });

  it('gives the shares the förbund prints, rounded half up per cell', () => {
    const [women, men] = followUp.participantTotals.exitedToRehab;
    const share = (part: number, whole: number) => Math.floor((200 * part + whole) / (2 * whole));
    assert.deepEqual([share(women, women + men), share(men, women + men)], [48, 53], '19/40 and 21/40');
    assert.deepEqual(followUp.toWorkOrStudies, { count: 147, exits: 281, excludedClosedExits: 149, percent: 52 });
  });

  it('reproduces the 2025 status table: present state from the last report, events from any quarter', () => {
    for (const initiative of data.initiatives.filter((i) => i.status2025)) {
      const row = followUp.status.find((s) => s.initiativeId === initiative.id);
      assert.ok(row, initiative.id);
      const compiled = {
        inPhaseWithGoals: row.inPhaseWithGoals,
        steeringGroupForecastGoalsMet: row.steeringGroupForecastGoalsMet,
        steeringMeetingsPerAgreement: row.steeringMeetingsPerAgreement,
        deviationsFiled: row.deviationsFiled,
        vacancies: row.vacancies,
        implementationDiscussed: row.implementationDiscussed,
      };
      assert.deepEqual(compiled, initiative.status2025, initiative.id);
      assert.deepEqual(row.missingQuarters, []);
    }
    const vaxtkraft = followUp.status.find((s) => s.initiativeId === 'vaxtkraft');
    assert.equal(vaxtkraft?.light, 'gul');
    assert.equal(followUp.status.find((s) => s.initiativeId === 'plattform-heby')?.light, 'grön');
  });

  it('reproduces förbrukningsgrad from the upparbetade kostnader of the Q4 reports', () => {
    const mismatches: string[] = [];
    for (const s of data.spending2025) {
      const row = followUp.budget.find((b) => b.initiativeId === s.initiative);
      assert.ok(row, s.initiative);
      if (row.percent !== s.utilisationPercentVsBudget) mismatches.push(`${s.initiative}: ${row.percent} % (paper ${s.utilisationPercentVsBudget} %)`);
    }
    // The paper's 70 % for Lokussamordnare Uppsala comes from 194 597 kr; its printed 194 tkr gives 69 % (see issue 2).
    assert.deepEqual(mismatches, ['lokus-uppsala: 69 % (paper 70 %)']);
    assert.equal(followUp.budgetTotal.percent, 82);
  });
});
