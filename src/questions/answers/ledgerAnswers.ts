import { ColumnKind, LedgerSnapshot } from '../../domain/ledger';
import { ColumnTotals, computeLedgerTotals, latestEstimateColumn } from '../../finance/ledgerTotals';
import { formatTkr, formatTkrChange } from '../../format/swedish';
import { Fact, Reply } from '../../cards/viewModels';
import { QuestionContext } from '../context';
import { adjustmentNotes, columnLabel, findLedger, ledgerYearsMessage, listInSwedish, noDataReply, olderSnapshotNote, plainText, sourceText } from './common';

export type LedgerFigure = 'decisionRoom' | 'result' | 'income' | 'costs';

/** Beslutsutrymme, resultat, intäkter and kostnader for the years asked, one reply per snapshot used. */
export async function answerLedgerQuestion(ctx: QuestionContext, figure: LedgerFigure, years: readonly number[], kind?: ColumnKind): Promise<Reply[]> {
  const replies: Reply[] = [];
  const remaining = [...years];
  while (remaining.length > 0) {
    const year = remaining.shift() as number;
    const lookup = await findLedger(ctx, year);
    if (!lookup.snapshot) {
      replies.push(noDataReply(TITLES[figure](year), year, ledgerYearsMessage(lookup.availableYears)));
      continue;
    }
    const snapshot = lookup.snapshot;
    const alsoCovered = remaining.filter((y) => snapshot.columns.some((c) => c.year === y));
    alsoCovered.forEach((y) => remaining.splice(remaining.indexOf(y), 1));
    const totals = computeLedgerTotals(snapshot);
    const main = pickColumn(snapshot, totals, year, kind);
    const notes = [...olderSnapshotNote(snapshot, year, lookup.isLatest), ...adjustmentNotes(snapshot.asOf, lookup.applied)];
    replies.push(figure === 'decisionRoom' ? decisionRoomReply(snapshot, totals, main, notes) : figureReply(snapshot, totals, main, figure, alsoCovered, notes));
  }
  return replies;
}

const TITLES: Readonly<Record<LedgerFigure, (year: number) => string>> = {
  decisionRoom: (y) => `Beslutsutrymme ${y}`,
  result: (y) => `Resultat ${y}`,
  income: (y) => `Intäkter ${y}`,
  costs: (y) => `Kostnader ${y}`,
};

function pickColumn(snapshot: LedgerSnapshot, totals: readonly ColumnTotals[], year: number, kind?: ColumnKind): ColumnTotals {
  const asked = kind ? totals.find((t) => t.column.year === year && t.column.kind === kind) : undefined;
  const estimate = latestEstimateColumn(snapshot.columns, year);
  return asked ?? (totals.find((t) => t.column.key === estimate?.key) as ColumnTotals);
}

function decisionRoomReply(snapshot: LedgerSnapshot, totals: readonly ColumnTotals[], main: ColumnTotals, notes: { text: string }[]): Reply {
  const year = main.column.year;
  const siblings = totals.filter((t) => t.column.year === year && t !== main);
  const facts: Fact[] = [
    ...siblings.map((t) => ({ label: `${columnLabel(t.column)}`, value: formatTkr(t.remaining) })),
    { label: 'Från tidigare år', value: formatTkr(main.carriedIn) },
    { label: 'Årets beräknade resultat', value: formatTkr(main.result) },
  ];
  const chainPending = main.remaining - main.remainingAfterApplications;
  if (chainPending !== 0) facts.push({ label: 'Efter föreslagna ansökningar', value: formatTkr(main.remainingAfterApplications) });
  const later = [...new Set(snapshot.columns.filter((c) => c.year > year).map((c) => c.year))].sort((a, b) => a - b);
  const yearRows = later.map((y) => {
    const t = totals.find((x) => x.column.key === latestEstimateColumn(snapshot.columns, y)?.key) as ColumnTotals;
    const after = t.remaining !== t.remainingAfterApplications ? ` (${formatTkr(t.remainingAfterApplications)} efter ansökningar)` : '';
    return { year: columnLabel(t.column), carriedIn: formatTkr(t.carriedIn), result: formatTkr(t.result), remaining: `${formatTkr(t.remaining)}${after}` };
  });
  const allNotes = [...notes, ...forecastChangeNotes(snapshot, main), ...pendingNotes(snapshot)];
  if (snapshot.reserveFund > 0) allNotes.push({ text: `Den bundna reservfonden (${formatTkr(snapshot.reserveFund)}) ingår inte i beslutsutrymmet.` });
  const title = `Beslutsutrymme ${year}`;
  const headlineLabel = `Kvarvarande beslutsutrymme, ${columnLabel(main.column).toLowerCase()}`;
  const source = sourceText(snapshot, main.column);
  const text = plainText(title, `${formatTkr(main.remaining)} (${columnLabel(main.column).toLowerCase()})`, [...facts, ...yearRows.map((r) => ({ label: r.year, value: r.remaining }))], allNotes, source);
  return {
    card: { template: 'decisionRoom', view: { title, headlineLabel, headlineValue: formatTkr(main.remaining), facts, years: yearRows, hasYears: yearRows.length > 0, notes: allNotes, source } },
    text,
  };
}

/** Why prognos and budget differ: the lines whose prognos moved, with their notes. */
function forecastChangeNotes(snapshot: LedgerSnapshot, main: ColumnTotals): { text: string }[] {
  if (main.column.kind !== 'forecast') return [];
  const budget = snapshot.columns.find((c) => c.year === main.column.year && c.kind === 'budget');
  if (!budget) return [];
  const changed = snapshot.lines
    .map((l) => ({ line: l, delta: (l.amounts[main.column.key] ?? 0) - (l.amounts[budget.key] ?? 0) }))
    .filter((x) => x.delta !== 0);
  if (changed.length === 0) return [];
  const parts = changed.map(({ line, delta }) => {
    const name = line.initiative ? `${line.initiative.name} (${line.initiative.owner})` : line.label;
    return `${name} ${formatTkrChange(delta)}`;
  });
  return [{ text: `Prognosen skiljer sig från budgeten: ${listInSwedish(parts)}.` }];
}

function pendingNotes(snapshot: LedgerSnapshot): { text: string }[] {
  if (snapshot.pendingApplications.length === 0) return [];
  const names = snapshot.pendingApplications.map((a) => {
    const amounts = snapshot.columns
      .filter((c) => (a.amounts[c.key] ?? 0) !== 0)
      .map((c) => `${formatTkr(a.amounts[c.key] ?? 0)} ${c.year}`);
    return `${a.name} (${a.owner}) ${listInSwedish(amounts)}`;
  });
  return [{ text: `Nya ansökningar, ej beviljade: ${listInSwedish(names)}.` }];
}

function figureReply(snapshot: LedgerSnapshot, totals: readonly ColumnTotals[], main: ColumnTotals, figure: Exclude<LedgerFigure, 'decisionRoom'>, extraYears: readonly number[], notes: { text: string }[]): Reply {
  const value = (t: ColumnTotals) => (figure === 'result' ? t.result : figure === 'income' ? t.income : t.cost);
  const year = main.column.year;
  const facts: Fact[] = totals.filter((t) => t.column.year === year && t !== main).map((t) => ({ label: columnLabel(t.column), value: formatTkr(value(t)) }));
  if (figure === 'result') facts.push({ label: 'Intäkter', value: formatTkr(main.income) }, { label: 'Kostnader', value: formatTkr(main.cost) });
  if (figure === 'income') {
    for (const line of snapshot.lines.filter((l) => l.section === 'income' && (l.amounts[main.column.key] ?? 0) !== 0)) facts.push({ label: line.label, value: formatTkr(line.amounts[main.column.key] ?? 0) });
  }
  if (figure === 'costs') {
    const groups: [string, number][] = [
      ['Förtroendevalda', main.governance],
      ['Förvaltning', main.administration],
      ['ESF-projekt', main.externalProject],
      ['S:a samverkansinsatser', main.initiatives],
      ['Övriga samverkansinsatser', main.otherInitiatives],
    ];
    for (const [label, amount] of groups) if (amount !== 0) facts.push({ label, value: formatTkr(amount) });
  }
  for (const y of extraYears) {
    const t = totals.find((x) => x.column.key === latestEstimateColumn(snapshot.columns, y)?.key);
    if (t) facts.push({ label: columnLabel(t.column), value: formatTkr(value(t)) });
  }
  const labels = { result: 'Årets beräknade resultat', income: 'Summa intäkter', costs: 'Summa kostnader' } as const;
  const title = `${TITLES[figure](year)}${extraYears.length > 0 ? `–${extraYears[extraYears.length - 1]}` : ''}`;
  const headlineLabel = `${labels[figure]}, ${columnLabel(main.column).toLowerCase()}`;
  const source = sourceText(snapshot, main.column);
  return {
    card: { template: 'figures', view: { title, headlineLabel, headlineValue: formatTkr(value(main)), facts, notes, source } },
    text: plainText(title, `${formatTkr(value(main))} (${columnLabel(main.column).toLowerCase()})`, facts, notes, source),
  };
}
