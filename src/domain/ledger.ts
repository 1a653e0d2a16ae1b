import { Kronor } from './money';

/** budget = fastställd budget, forecast = prognos, preliminary = preliminär budget for a later year. */
export type ColumnKind = 'budget' | 'forecast' | 'preliminary';

export type IncomeGroup = 'membership_fees' | 'sales' | 'external_funding' | 'other_income';
export type CostGroup = 'governance' | 'administration' | 'external_project' | 'initiative' | 'other_initiative';
export type LineGroup = IncomeGroup | CostGroup;

export interface LedgerColumn {
  readonly key: string;
  readonly year: number;
  readonly kind: ColumnKind;
}

export interface InitiativeRef {
  readonly name: string;
  readonly owner: string;
  readonly kind?: 'individual' | 'structural';
}

export interface LedgerLine {
  readonly id: string;
  readonly section: 'income' | 'cost';
  readonly group: LineGroup;
  readonly label: string;
  readonly initiative?: InitiativeRef;
  /** Column key -> kronor; a missing key is an empty cell. */
  readonly amounts: Readonly<Record<string, Kronor>>;
  readonly note?: string;
}

export interface PendingApplication {
  readonly name: string;
  readonly owner: string;
  readonly amounts: Readonly<Record<string, Kronor>>;
}

export type TotalField = 'income' | 'cost' | 'initiatives' | 'result' | 'carriedIn' | 'remaining' | 'remainingAfterApplications';

/** One ekonomisk-information table of one förbund as of one date, in whole kronor. */
export interface LedgerSnapshot {
  readonly associationId: string;
  readonly associationName: string;
  readonly asOf: string;
  readonly reserveFund: Kronor;
  readonly openingSurplus: { readonly year: number; readonly amount: Kronor };
  readonly columns: readonly LedgerColumn[];
  readonly lines: readonly LedgerLine[];
  readonly pendingApplications: readonly PendingApplication[];
  readonly statedTotals: Readonly<Record<string, Partial<Record<TotalField, Kronor>>>>;
}

export const KIND_LABEL: Readonly<Record<ColumnKind, string>> = {
  budget: 'budget',
  forecast: 'prognos',
  preliminary: 'preliminär budget',
};

/** A table as a file gives it (an Excel sheet of ekonomisk information), before its lines are matched to the förbund's table: small enough to keep in the store. */
export interface TableRows {
  readonly asOf: string;
  readonly unit: 'kr' | 'tkr';
  readonly columns: readonly { readonly key: string; readonly year: number; readonly kind: ColumnKind }[];
  readonly lines: readonly { readonly row: number; readonly label: string; readonly amounts: Readonly<Record<string, number>> }[];
  readonly pending: readonly { readonly name: string; readonly owner: string; readonly amounts: Readonly<Record<string, number>> }[];
  readonly statedTotals: Readonly<Record<string, Partial<Record<TotalField, number>>>>;
}
