import { formatKr } from '../format/swedish';
import { DateTime } from 'luxon';
import { Kronor, splitByLargestRemainder, sum } from '../domain/money';

/** Lönekostnad inkl. PO-pålägg for one post, either as an amount or as monthly salary and a PO-pålägg rate. */
export interface SalaryLine {
  readonly title: string;
  /** Omfattning in percent of full time. */
  readonly percent: number;
  readonly from: string;
  readonly to: string;
  /** The line's amount; when absent it is computed from monthlySalary and poRatePercent. */
  readonly amount?: Kronor;
  readonly monthlySalary?: Kronor;
  readonly poRatePercent?: number;
}

export interface BudgetOwner {
  readonly organisation: string;
  readonly role: 'huvudinsatsägare' | 'delinsatsägare';
  readonly salaries: readonly SalaryLine[];
  readonly premises: Kronor;
  readonly otherCosts: readonly { readonly post: string; readonly amount: Kronor }[];
  /** Egenfinansiering: the party's own money, not requested from the förbund. */
  readonly selfFunding: Kronor;
}

export interface OwnerTotals {
  readonly organisation: string;
  /** Each cost line as the applicant gave it, in the form's order; they add up to `requested`. */
  readonly lines: readonly { readonly post: string; readonly amount: Kronor }[];
  readonly salaries: Kronor;
  readonly premises: Kronor;
  readonly other: Kronor;
  /** Att rekvirera från förbundet. */
  readonly requested: Kronor;
  readonly selfFunding: Kronor;
  readonly total: Kronor;
  /** Att rekvirera per calendar year, by the month rule. */
  readonly byYear: Readonly<Record<number, Kronor>>;
}

export interface BudgetSummary {
  readonly owners: readonly OwnerTotals[];
  readonly requested: Kronor;
  readonly selfFunding: Kronor;
  readonly total: Kronor;
  readonly byYear: Readonly<Record<number, Kronor>>;
}

/** lcm(28, 29, 30, 31): a month's share of days becomes a whole number of these parts. */
const PARTS_PER_MONTH = 377_580;

/**
 * Weight of each calendar year in a period, counted in months: a whole month counts 1,
 * a partial month by the share of its days the period covers (1 April–30 September the
 * next year: 9 months in each year). Whole numbers, so the split is exact.
 */
export function monthWeightsByYear(from: string, to: string): Map<number, number> {
  const start = DateTime.fromISO(from);
  const end = DateTime.fromISO(to);
  if (!start.isValid || !end.isValid || end < start) throw new RangeError(`not a period: ${from}–${to}`);
  const weights = new Map<number, number>();
  for (let month = start.startOf('month'); month <= end; month = month.plus({ months: 1 })) {
    const first = month < start ? start : month;
    const last = month.endOf('month') > end ? end : month.endOf('month').startOf('day');
    const covered = Math.round(last.diff(first, 'days').days) + 1;
    const days = month.daysInMonth as number;
    weights.set(month.year, (weights.get(month.year) ?? 0) + (covered * PARTS_PER_MONTH) / days);
  }
  return weights;
}

/** Splits an amount over the years of a period by the month rule, exactly (largest remainder). */
export function splitByMonths(amount: Kronor, from: string, to: string): Record<number, Kronor> {
  const weights = monthWeightsByYear(from, to);
  const years = [...weights.keys()].sort((a, b) => a - b);
  const parts = splitByLargestRemainder(
    amount,
    years.map((y) => weights.get(y) as number),
  );
  return Object.fromEntries(years.map((y, i) => [y, parts[i] as Kronor]));
}

/** A salary line's amount: as given, or months × monthly salary × omfattning × (1 + PO-pålägg), rounded to whole kronor. */
export function salaryAmount(line: SalaryLine): Kronor {
  if (line.amount !== undefined) return line.amount;
  if (line.monthlySalary === undefined || line.poRatePercent === undefined)
    throw new RangeError(`${line.title}: amount or monthly salary and PO-pålägg needed`);
  const months = [...monthWeightsByYear(line.from, line.to).values()].reduce((a, b) => a + b, 0) / PARTS_PER_MONTH;
  return Math.round(months * line.monthlySalary * (line.percent / 100) * (1 + line.poRatePercent / 100));
}

function addYears(into: Record<number, Kronor>, from: Readonly<Record<number, Kronor>>): void {
  for (const [year, amount] of Object.entries(from)) into[Number(year)] = (into[Number(year)] ?? 0) + amount;
}

/**
 * Totals per insatsägare and per calendar year. Salary lines split by their own months;
 * lokalkostnader and övriga kostnader by the months of the insatstid.
 */
export function summariseBudget(owners: readonly BudgetOwner[], period: { readonly start: string; readonly end: string }): BudgetSummary {
  const summaries = owners.map((owner): OwnerTotals => {
    const byYear: Record<number, Kronor> = {};
    let salaries = 0;
    const lines: { post: string; amount: Kronor }[] = [];
    for (const line of owner.salaries) {
      const amount = salaryAmount(line);
      salaries += amount;
      lines.push({ post: `Lön: ${line.title} (${line.percent} %)`, amount });
      addYears(byYear, splitByMonths(amount, line.from, line.to));
    }
    const other = sum(owner.otherCosts.map((c) => c.amount));
    addYears(byYear, splitByMonths(owner.premises + other, period.start, period.end));
    const requested = salaries + owner.premises + other;
    if (owner.premises > 0) lines.push({ post: 'Lokalkostnader', amount: owner.premises });
    lines.push(...owner.otherCosts);
    return {
      organisation: owner.organisation,
      lines,
      salaries,
      premises: owner.premises,
      other,
      requested,
      selfFunding: owner.selfFunding,
      total: requested + owner.selfFunding,
      byYear,
    };
  });
  const byYear: Record<number, Kronor> = {};
  summaries.forEach((s) => addYears(byYear, s.byYear));
  return {
    owners: summaries,
    requested: sum(summaries.map((s) => s.requested)),
    selfFunding: sum(summaries.map((s) => s.selfFunding)),
    total: sum(summaries.map((s) => s.total)),
    byYear,
  };
}

/** The applicant's own yearly split is accepted when it covers the insatstid's years and adds up to the total requested. */
export function checkYearOverride(override: Readonly<Record<number, Kronor>>, summary: BudgetSummary): string[] {
  const problems: string[] = [];
  const years = Object.keys(summary.byYear).map(Number);
  for (const year of Object.keys(override).map(Number)) if (!years.includes(year)) problems.push(`${year} ligger utanför insatstiden.`);
  const total = sum(Object.values(override));
  if (total !== summary.requested)
    problems.push(`Fördelningen per år blir ${formatKr(total)} men ska bli ${formatKr(summary.requested)} (att rekvirera totalt).`);
  return problems;
}
