import { FieldProblem, FieldProblems } from '../cards/fieldProblems';
import { DateTime } from 'luxon';
import { DEVIATION_KINDS, Deviation, DeviationKind, isBudgetKind } from '../domain/deviations';
import { Initiative } from '../domain/initiatives';
import { containsPersonnummer } from '../domain/personalData';
import { FREE_TEXT_MAX, isSaneDate } from '../domain/limits';
import { AdjustedSnapshot, remainingInitiativeBudget } from '../finance/ledgerAdjustments';
import { Kronor, sum } from '../domain/money';
import { formatDateLong, formatKr } from '../format/swedish';
import { readAmountField } from '../format/parseAmount';

/** What the avvikelse form sends, as strings straight from the card. */
export interface DeviationFormInput {
  readonly initiativeId?: string;
  readonly kind?: string;
  readonly amount?: string;
  readonly fromYear?: string;
  readonly newEndDate?: string;
  readonly reason?: string;
  readonly position?: string;
}

export interface ValidDeviation {
  readonly initiative: Initiative;
  readonly kind: DeviationKind;
  readonly amount?: Kronor;
  readonly fromYear?: number;
  readonly newEndDate?: string;
  readonly reason: string;
  readonly steeringGroupPosition: string;
}

/** Facts the validation needs, read before validating so the rules stay pure. */
export interface BudgetFacts {
  readonly today: string;
  readonly ledger?: AdjustedSnapshot;
  /** Utfall so far per year for the insats. */
  readonly actualByYear: Readonly<Record<number, Kronor>>;
  /** Other open budget avvikelser of the insats (not the one being validated). */
  readonly openDeviations: readonly Deviation[];
}

export type Validation = { readonly ok: true; readonly value: ValidDeviation } | { readonly ok: false; readonly problems: readonly FieldProblem[] };

const MAX_TEXT = FREE_TEXT_MAX;

function freeText(value: string | undefined, label: string, problems: { push(text: string): void }): string {
  const text = (value ?? '').trim();
  if (text === '') problems.push(`${label} saknas.`);
  else if (text.length > MAX_TEXT) problems.push(`${label} är för lång (högst ${MAX_TEXT} tecken).`);
  else if (containsPersonnummer(text))
    problems.push(`${label} innehåller något som liknar ett personnummer. Uppgifter om enskilda deltagare får inte lämnas; ta bort numret.`);
  return text;
}

/** Every rule of the avvikelse form; returns all problems at once so the user can fix them in one go. */
export function validateDeviation(input: DeviationFormInput, ownInitiatives: readonly Initiative[], facts: BudgetFacts): Validation {
  const problems = new FieldProblems();
  const initiative = ownInitiatives.find((i) => i.id === input.initiativeId);
  if (!initiative) problems.add('initiativeId', 'Insats: välj en av dina insatser.');
  const kind = DEVIATION_KINDS.find((k) => k === input.kind);
  if (!kind) problems.add('kind', 'Typ av avvikelse: välj vilken typ av avvikelse det gäller.');
  const reason = freeText(input.reason, 'Skäl', problems.for('reason'));
  const position = freeText(input.position, 'Styrgruppens ställningstagande', problems.for('position'));
  let amount: Kronor | undefined;
  let fromYear: number | undefined;
  let newEndDate: string | undefined;
  if (kind && isBudgetKind(kind)) {
    const parsed = readAmountField('Belopp', input.amount);
    if (!parsed.ok) problems.add('amount', parsed.problem);
    else amount = parsed.kronor;
    fromYear = /^\d{4}$/.test(input.fromYear ?? '') ? Number(input.fromYear) : undefined;
    if (fromYear === undefined) problems.add('fromYear', 'Från år: välj året som medlen ska flyttas från.');
    if (initiative && fromYear !== undefined) checkBudgetYear(initiative, kind, fromYear, amount, facts, problems);
  }
  if (kind === 'period' && initiative) {
    newEndDate = checkEndDate(input.newEndDate, initiative, problems.for('newEndDate'));
  }
  if (problems.length > 0 || !initiative || !kind) return { ok: false, problems: problems.list };
  return { ok: true, value: { initiative, kind, amount, fromYear, newEndDate, reason, steeringGroupPosition: position } };
}

function checkBudgetYear(initiative: Initiative, kind: DeviationKind, year: number, amount: Kronor | undefined, facts: BudgetFacts, all: FieldProblems): void {
  const problems = { push: (text: string) => all.add('fromYear', `Från år: ${text}`) };
  const currentYear = Number(facts.today.slice(0, 4));
  if (year < currentYear) {
    problems.push(`${year} är avslutat; medel kan bara flyttas från innevarande eller kommande år.`);
    return;
  }
  const snapshot = facts.ledger?.snapshot;
  const pendingOut = sum(facts.openDeviations.filter((d) => isBudgetKind(d.kind) && d.fromYear === year).map((d) => d.amount ?? 0));
  const remaining = snapshot ? remainingInitiativeBudget(snapshot, initiative.id, year, facts.actualByYear[year] ?? 0, pendingOut) : undefined;
  if (remaining === undefined) {
    problems.push(`${initiative.name} har ingen budget ${year} i förbundets ekonomiska information, så inga medel kan flyttas därifrån.`);
    return;
  }
  if (amount !== undefined && amount > remaining) {
    const pendingNote = pendingOut > 0 ? ` (${formatKr(pendingOut)} är redan begärt i andra avvikelser som väntar på beslut)` : '';
    all.add('amount', `Belopp: ${formatKr(amount)} är mer än vad som återstår av budgeten ${year}: ${formatKr(Math.max(remaining, 0))}${pendingNote}.`);
  }
  if (kind === 'budget-move') {
    const nextYearInLedger = snapshot?.columns.some((c) => c.year === year + 1);
    if (Number(initiative.period.end.slice(0, 4)) < year + 1) {
      problems.push(
        `${initiative.name} slutar ${formatDateLong(initiative.period.end)}, så medel kan inte flyttas till ${year + 1}. Lämna först en avvikelse om förlängd insatstid, eller återför medlen.`,
      );
    } else if (!nextYearInLedger) {
      problems.push(`Förbundets ekonomiska information har ännu inget ${year + 1}; kontakta kansliet.`);
    }
  }
}

function checkEndDate(value: string | undefined, initiative: Initiative, problems: { push(text: string): void }): string | undefined {
  const text = (value ?? '').trim();
  const date = DateTime.fromISO(text, { zone: 'Europe/Stockholm' });
  if (text === '') {
    problems.push('Nytt slutdatum: välj det nya slutdatumet.');
    return undefined;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !date.isValid || !isSaneDate(text)) {
    problems.push(`Nytt slutdatum: "${text.slice(0, 40)}" är inget giltigt datum. Skriv som 2027-06-30.`);
    return undefined;
  }
  if (text <= initiative.period.start) problems.push(`Nytt slutdatum: måste ligga efter insatsens start (${formatDateLong(initiative.period.start)}).`);
  else if (text === initiative.period.end) problems.push(`Nytt slutdatum: insatsen slutar redan ${formatDateLong(text)}.`);
  return text;
}
