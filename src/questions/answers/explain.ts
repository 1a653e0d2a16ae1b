import { LedgerSnapshot } from '../../domain/ledger';
import { ColumnTotals, computeLedgerTotals, latestEstimateColumn } from '../../finance/ledgerTotals';
import { formatInteger, formatTkr, formatDate } from '../../format/swedish';
import { Fact, Reply } from '../../cards/viewModels';
import { toWholeTkr } from '../../domain/money';
import { QuestionContext } from '../context';
import { FORBUND, Reading } from '../../domain/reading';
import { Note, adjustmentNotes, columnLabel, figuresReply, findLedger, ledgerSourceShort, readingLine } from './common';
import { MEASURE_NAMES, TotalMeasure, pickColumn } from './ledgerAnswers';
import { lineAmount } from './lineAnswers';

const TOTAL_MEASURES: ReadonlySet<string> = new Set(['remaining', 'remainingAfterApplications', 'carriedIn', 'result', 'income', 'costs', 'whatIf']);

/**
 * "Hur räknas det?": the calculation behind the last answer, every term with its source.
 * Returns undefined for readings whose answer already is its own source (dates, ratios).
 */
export async function explainReading(ctx: QuestionContext, reading: Reading): Promise<Reply | undefined> {
  const year = reading.years[0] as number;
  if (!TOTAL_MEASURES.has(reading.measure) && reading.measure !== 'line' && reading.measure !== 'share') return undefined;
  const lookup = await findLedger(ctx, year);
  const snapshot = lookup.snapshot;
  if (!snapshot) return undefined;
  const totals = computeLedgerTotals(snapshot);
  const main = pickColumn(snapshot, totals, year, reading.column);
  if (!main) return undefined;
  const adjustments = adjustmentNotes(snapshot.asOf, lookup.applied, lookup.grants);
  if (reading.subject.kind === 'line' && (reading.measure === 'line' || reading.measure === 'share')) {
    const amount = lineAmount(snapshot, reading.subject.id, main.column) ?? 0;
    const facts: Fact[] = [{ label: `${reading.subject.name}, ${columnLabel(main.column).toLowerCase()}`, value: formatTkr(amount) }];
    const notes: Note[] = [
      { text: `Beloppet är raden i ekonomisk information per ${formatDate(snapshot.asOf)}, kolumnen ${columnLabel(main.column).toLowerCase()}.` },
      ...adjustments,
    ];
    if (reading.measure === 'share') {
      facts.push({ label: 'Summa kostnader', value: formatTkr(main.cost) });
      notes.unshift({ text: `Andel = ${formatInteger(toWholeTkr(amount))} ÷ ${formatInteger(toWholeTkr(main.cost))}, avrundat till hel procent.` });
    }
    return figuresReply(
      `Så räknas ${reading.subject.name} ${year}`,
      columnLabel(main.column),
      formatTkr(amount),
      facts,
      notes,
      `Enligt ekonomisk information per ${formatDate(snapshot.asOf)}.`,
      readingLine(`beräkningen bakom ${columnLabel(main.column).toLowerCase()}`, reading.subject, ledgerSourceShort(snapshot)),
    );
  }
  return explainTotals(snapshot, totals, main, reading, adjustments);
}

function explainTotals(snapshot: LedgerSnapshot, totals: readonly ColumnTotals[], main: ColumnTotals, reading: Reading, adjustments: Note[]): Reply {
  const t = (n: number) => formatInteger(toWholeTkr(n));
  const label = columnLabel(main.column).toLowerCase();
  const facts: Fact[] = [
    { label: 'Från tidigare år', value: formatTkr(main.carriedIn) },
    { label: 'Intäkter', value: formatTkr(main.income) },
    { label: 'Kostnader', value: formatTkr(main.cost) },
    { label: 'Årets beräknade resultat', value: formatTkr(main.result) },
    { label: 'Kvarvarande beslutsutrymme', value: formatTkr(main.remaining) },
  ];
  const notes: Note[] = [
    { text: `Årets resultat: intäkter ${t(main.income)} − kostnader ${t(main.cost)} = ${t(main.result)} tkr.` },
    {
      text: `Beslutsutrymme: från tidigare år ${t(main.carriedIn)} + årets resultat ${t(main.result)} = ${t(main.remaining)} tkr (${label}, ekonomisk information per ${formatDate(snapshot.asOf)}).`,
    },
    { text: carriedInSource(snapshot, totals, main) },
  ];
  if (reading.measure === 'remainingAfterApplications') {
    facts.push({ label: 'Efter föreslagna ansökningar', value: formatTkr(main.remainingAfterApplications) });
    notes.push({
      text: `Efter ansökningar: ${t(main.remaining)} − ansökningar i denna och tidigare år ${t(main.remaining - main.remainingAfterApplications)} = ${t(main.remainingAfterApplications)} tkr.`,
    });
  }
  if (reading.measure === 'whatIf' && reading.amount !== undefined) {
    notes.push({
      text: `Om styrelsen beviljar ${t(reading.amount)} tkr: ${t(main.remaining)} − ${t(reading.amount)} = ${t(main.remaining - reading.amount)} tkr.`,
    });
  }
  if (snapshot.reserveFund > 0) notes.push({ text: `Den bundna reservfonden (${formatTkr(snapshot.reserveFund)}) räknas aldrig in.` });
  notes.push(...adjustments);
  const measure = reading.measure as TotalMeasure;
  const headline =
    measure === 'whatIf'
      ? main.remaining - (reading.amount ?? 0)
      : measure === 'remainingAfterApplications'
        ? main.remainingAfterApplications
        : measure === 'carriedIn'
          ? main.carriedIn
          : measure === 'result'
            ? main.result
            : measure === 'income'
              ? main.income
              : measure === 'costs'
                ? main.cost
                : main.remaining;
  return figuresReply(
    `Så räknas ${MEASURE_NAMES[measure]} ${main.column.year}`,
    `${MEASURE_NAMES[measure].replace(/^./, (c) => c.toUpperCase())}, ${label}`,
    formatTkr(headline),
    facts,
    notes,
    `Enligt ekonomisk information per ${formatDate(snapshot.asOf)}, ${label}.`,
    readingLine(`beräkningen bakom ${MEASURE_NAMES[measure]} ${label}`, FORBUND, ledgerSourceShort(snapshot)),
  );
}

function carriedInSource(snapshot: LedgerSnapshot, totals: readonly ColumnTotals[], main: ColumnTotals): string {
  const year = main.column.year;
  if (year === snapshot.openingSurplus.year) {
    return `Från tidigare år ${formatTkr(main.carriedIn)} är det ackumulerade överskottet vid ingången av ${year}: eget kapital minus den bundna reservfonden.`;
  }
  const previous = latestEstimateColumn(snapshot.columns, year - 1);
  const prev = totals.find((x) => x.column.key === previous?.key);
  return prev ? `Från tidigare år ${formatTkr(main.carriedIn)} är kvarvarande beslutsutrymme ${columnLabel(prev.column).toLowerCase()}.` : '';
}
