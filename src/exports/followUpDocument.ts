import { parseQuarterKey, quarterEnd, quarterLabel } from '../domain/quarters';
import { FollowUp } from '../reports/compileFollowUp';
import { periodLabel } from '../reports/followUpViews';

/** A cell of the follow-up document: text, kronor, a count, or a share (0–1) computed from two other columns of the row. */
export type FollowUpCell = string | number | undefined;

export interface FollowUpColumn {
  readonly title: string;
  readonly kind: 'text' | 'kronor' | 'count' | 'share';
  /** Characters, for the workbook's column width. */
  readonly width: number;
  /** A share's numerator and denominator: indexes of kronor or count columns of the same row. */
  readonly ratio?: readonly [number, number];
}

export interface FollowUpTable {
  readonly sheet: string;
  readonly title: string;
  readonly intro: string;
  readonly columns: readonly FollowUpColumn[];
  readonly rows: readonly (readonly FollowUpCell[])[];
  /** The "Totalt" row: kronor and count columns summed (a budget only over the insatser that reported costs). */
  readonly totals?: readonly FollowUpCell[];
  readonly notes: readonly string[];
}

export interface FollowUpDocument {
  readonly associationName: string;
  readonly title: string;
  readonly createdOn: string;
  readonly tables: readonly FollowUpTable[];
}

const share = (numerator: number | undefined, denominator: number) => (numerator === undefined || denominator === 0 ? undefined : numerator / denominator);

/** The board's four follow-up tables as a document: the same compiled follow-up the chat's cards show. */
export function buildFollowUpDocument(f: FollowUp, associationName: string, createdOn: string): FollowUpDocument {
  const label = periodLabel(f);
  const name = (id: string) => f.initiatives.find((i) => i.id === id)?.label ?? id;
  const statusOf = (id: string) => f.status.find((s) => s.initiativeId === id);
  const during = f.period.through.quarter < 4;
  const periodEnd = quarterEnd(f.period.through);

  const overview: FollowUpTable = {
    sheet: 'Nuläge',
    title: `Insatser och nuläge ${label}`,
    intro: 'Nuläge enligt periodens senaste kvartalsrapport.',
    columns: [
      { title: 'Insats', kind: 'text', width: 40 },
      { title: 'Insatstid', kind: 'text', width: 24 },
      { title: 'Status', kind: 'text', width: 14 },
      { title: 'I fas med målen', kind: 'text', width: 16 },
      { title: 'Styrgruppens prognos: målen nås', kind: 'text', width: 18 },
      { title: 'Kvartalsrapporter', kind: 'text', width: 30 },
    ],
    rows: f.initiatives.map((i) => {
      const s = statusOf(i.id);
      const missing = s
        ? s.missingQuarters.length > 0
          ? `saknas för ${s.missingQuarters
              .map((k) => {
                const q = parseQuarterKey(k);
                return q ? quarterLabel(q) : k;
              })
              .join(', ')}`
          : 'alla inlämnade'
        : 'ingen rapport under perioden';
      return [
        i.label,
        `${i.start} – ${i.end}`,
        s ? s.light.replace(/^./, (c) => c.toUpperCase()) : 'Ingen rapport',
        s?.inPhaseWithGoals,
        s?.steeringGroupForecastGoalsMet,
        missing,
      ];
    }),
    notes: [],
  };

  const budgetRow = (b: FollowUp['budgetTotal']): FollowUpCell[] => [
    b.budget,
    b.reported ? b.costs : undefined,
    b.reported ? share(b.costs, b.budget) : undefined,
    ...(during ? [b.expected ?? 0, b.reported ? share(b.costs, b.expected ?? 0) : undefined] : []),
  ];
  const budget: FollowUpTable = {
    sheet: 'Budget',
    title: `Budget ${label}`,
    intro: during
      ? `Upparbetade kostnader enligt kvartalsrapporterna mot årsbudget, och mot linjär förväntan per ${periodEnd}.`
      : 'Upparbetade kostnader enligt kvartalsrapporterna mot årsbudget.',
    columns: [
      { title: 'Insats', kind: 'text', width: 40 },
      { title: `Budget ${f.period.year}`, kind: 'kronor', width: 16 },
      { title: 'Upparbetat', kind: 'kronor', width: 16 },
      { title: 'Förbrukningsgrad', kind: 'share', width: 16, ratio: [2, 1] },
      ...(during
        ? [
            { title: `Linjärt förväntat per ${periodEnd}`, kind: 'kronor' as const, width: 20 },
            { title: 'Mot förväntan', kind: 'share' as const, width: 14, ratio: [2, 4] as const },
          ]
        : []),
    ],
    rows: f.budget.map((b) => [name(b.initiativeId), ...budgetRow(b)]),
    totals: ['Totalt (insatser som rapporterat kostnader)', ...budgetRow(f.budgetTotal)],
    notes: ['Förbrukningsgraden räknas bara för insatser som rapporterat upparbetade kostnader.'],
  };

  const quality: FollowUpTable = {
    sheet: 'Kvalitetssäkring',
    title: `Kvalitetssäkring ${label}`,
    intro: 'Svar från periodens kvartalsrapporter (Ja om det gäller alla kvartal, för avvikelser och vakanser om det hänt något kvartal).',
    columns: [
      { title: 'Insats', kind: 'text', width: 40 },
      { title: 'Styrgruppsmöte enligt avtal varje kvartal', kind: 'text', width: 16 },
      { title: 'Antal styrgruppsmöten', kind: 'count', width: 12 },
      { title: 'Alla parter representerade', kind: 'text', width: 14 },
      { title: 'Uppföljning lämnad', kind: 'text', width: 14 },
      { title: 'Målgrupp och metod enligt ansökan', kind: 'text', width: 16 },
      { title: 'Jämställdhet diskuterad', kind: 'text', width: 14 },
      { title: 'Implementering diskuterad', kind: 'text', width: 14 },
      { title: 'Avvikelser något kvartal', kind: 'text', width: 14 },
      { title: 'Vakanser något kvartal', kind: 'text', width: 14 },
    ],
    rows: f.status.map((s) => [
      name(s.initiativeId),
      s.steeringMeetingsPerAgreement,
      s.meetingCount,
      s.representativesAttended,
      s.followUpSubmitted,
      s.targetGroupAsApplied === 'Ja' && s.methodAsApplied === 'Ja' ? 'Ja' : 'Nej',
      s.equalityDiscussed,
      s.implementationDiscussed,
      s.deviationsFiled,
      s.vacancies,
    ]),
    notes: [],
  };

  const FLOWS = [
    ['enrolled', 'Inskrivna'],
    ['exited', 'Avslutade'],
    ['exitedToWorkOrStudies', 'varav till arbete, studier eller arbetssökande'],
    ['exitedToRehab', 'varav till rehabilitering'],
    ['ongoing', 'Pågående vid periodens slut'],
  ] as const;
  const participantCells = (c: FollowUp['participantTotals']): FollowUpCell[] => FLOWS.flatMap(([key]) => [c[key][0], c[key][1]]);
  const w = f.toWorkOrStudies;
  const participants: FollowUpTable = {
    sheet: 'Deltagare',
    title: `Deltagare ${label}`,
    intro: 'Kvinnor (K) och män (M). Inskrivna och avslutade summeras över kvartalen; pågående gäller vid periodens slut.',
    columns: [
      { title: 'Insats', kind: 'text', width: 40 },
      ...FLOWS.flatMap(([, title]) => [
        { title: `${title} K`, kind: 'count' as const, width: 12 },
        { title: `${title} M`, kind: 'count' as const, width: 12 },
      ]),
    ],
    rows: f.participants.map((p) => [name(p.initiativeId), ...participantCells(p.counts)]),
    totals: ['Totalt', ...participantCells(f.participantTotals)],
    notes: [
      `Avslutade till arbete, studier eller arbetssökande: ${w.count} av ${w.exits}${w.percent === undefined ? '' : ` (${w.percent} %)`}${w.excludedClosedExits > 0 ? `; ${w.excludedClosedExits} avslutade i insatser som upphörde under perioden räknas inte` : ''}.`,
    ],
  };

  return { associationName, title: `Uppföljning ${label}`, createdOn, tables: [overview, budget, quality, participants] };
}
