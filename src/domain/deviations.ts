import { Kronor } from './money';

export const DEVIATION_KINDS = ['budget-move', 'budget-return', 'period', 'target-group', 'method'] as const;
export type DeviationKind = (typeof DEVIATION_KINDS)[number];

export const DEVIATION_KIND_LABEL: Readonly<Record<DeviationKind, string>> = {
  'budget-move': 'Budget: flytta medel till nästa år',
  'budget-return': 'Budget: återföra medel till förbundet',
  period: 'Insatstid: nytt slutdatum',
  'target-group': 'Målgrupp',
  method: 'Metod',
};

export const isBudgetKind = (kind: DeviationKind) => kind === 'budget-move' || kind === 'budget-return';

/** registreras: stored, diarienummer not yet assigned (a few milliseconds, or until repaired after a crash). */
export type DeviationStatus = 'registreras' | 'inlämnad' | 'godkänd' | 'avslagen' | 'återkallad';

export interface PersonRef {
  readonly aadObjectId?: string;
  readonly name: string;
  readonly title?: string;
}

/** A change to one year's prognos, in kronor (negative lowers the cost). */
export interface PrognosisChange {
  readonly year: number;
  readonly amount: Kronor;
}

/** The delegationsbeslut of an avvikelse: the record of who decided, when and why. */
export interface DelegationDecision {
  readonly outcome: 'godkänd' | 'avslagen';
  /** ISO timestamp of the decision. */
  readonly decidedAt: string;
  /** The decision date in Europe/Stockholm. */
  readonly decidedOn: string;
  readonly decider: PersonRef;
  readonly reason: string;
  /** "D 2026:3", assigned right after the decision is stored. */
  readonly number?: string;
  /** Board meeting date at which the decision was anmält; blank until then. */
  readonly reportedToBoard?: string;
}

/** A card the bot posted about the avvikelse, so it can be updated after the decision. */
export interface PostedCard {
  readonly aadObjectId: string;
  readonly activityId: string;
}

export interface Deviation {
  readonly id: string;
  readonly associationId: string;
  readonly status: DeviationStatus;
  /** "Dnr 2026:4"; absent while status is registreras. */
  readonly dnr?: string;
  readonly initiativeId: string;
  readonly initiativeName: string;
  readonly kind: DeviationKind;
  /** Budget kinds: the year money leaves and how much. */
  readonly fromYear?: number;
  readonly amount?: Kronor;
  /** Period kind. */
  readonly newEndDate?: string;
  readonly previousEndDate?: string;
  readonly reason: string;
  readonly steeringGroupPosition: string;
  readonly filedBy: PersonRef;
  readonly filedAt: string;
  readonly filedOn: string;
  readonly decision?: DelegationDecision;
  /** Set when the filer withdrew it before a decision; it stays in the diarium. */
  readonly withdrawal?: { readonly at: string; readonly on: string; readonly by: PersonRef };
  /**
   * False from the deciding write until the delegationsbeslut has its number and an
   * approval its effect (ledger, insats register). Always present, so a query can find it.
   */
  readonly decisionFinished?: boolean;
  readonly postedCards: readonly PostedCard[];
  /** At least one decider has the card in their chat; until then every start tries again. */
  readonly decidersNotified: boolean;
}

/** The finance effect per year of a budget avvikelse, per the domain rule. */
export function prognosisChanges(d: Pick<Deviation, 'kind' | 'fromYear' | 'amount'>): readonly PrognosisChange[] {
  if (d.fromYear === undefined || d.amount === undefined) return [];
  if (d.kind === 'budget-move')
    return [
      { year: d.fromYear, amount: -d.amount },
      { year: d.fromYear + 1, amount: d.amount },
    ];
  if (d.kind === 'budget-return') return [{ year: d.fromYear, amount: -d.amount }];
  return [];
}

/** An ansökan as the ledger sees it: pending while it waits, a new insats line once granted. */
export interface ApplicationEntry {
  readonly caseId: string;
  readonly dnr: string;
  readonly name: string;
  readonly owner: string;
  readonly submittedOn: string;
  readonly requestedByYear: Readonly<Record<number, Kronor>>;
  readonly status: 'inlämnad' | 'beviljad' | 'avslagen';
  readonly decidedOn?: string;
  readonly grantedByYear?: Readonly<Record<number, Kronor>>;
}

/** An approved change to the ledger made after a ledger table was published. */
export interface LedgerAdjustment {
  readonly caseId: string;
  readonly dnr: string;
  readonly decisionNumber?: string;
  readonly decidedOn: string;
  readonly initiativeId: string;
  readonly initiativeName: string;
  readonly changes: readonly PrognosisChange[];
}
