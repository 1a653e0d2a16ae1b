import { Kronor } from './money';

export interface Initiative {
  readonly id: string;
  readonly name: string;
  readonly fullName: string;
  readonly owner: string;
  readonly kind: 'individual' | 'structural';
  readonly period: { readonly start: string; readonly end: string };
  readonly parties: readonly string[];
  readonly note?: string;
}

/** All insatser of one förbund; one document, so a question needs one read to resolve a name. */
export interface InitiativeRegistry {
  readonly associationId: string;
  readonly initiatives: readonly Initiative[];
}

export interface InitiativeYearFigure {
  readonly initiativeId: string;
  readonly budget: Kronor;
  /** Utfall (rekvirerat) for the whole year, or hittills during the year. */
  readonly actual: Kronor;
  /** Signed approved changes to the budget (avvikelser, tilläggsansökningar). */
  readonly budgetAdjustments: readonly Kronor[];
  /** The year before's utfall, as the follow-up prints it beside this year's (its budget is not given). */
  readonly actualPreviousYear?: Kronor;
}

/** Budget and utfall per insats for one year, as of a date. */
export interface InitiativeYearFigures {
  readonly associationId: string;
  readonly year: number;
  readonly asOf: string;
  readonly figures: readonly InitiativeYearFigure[];
  /** Where the utfall comes from when not from the books: the kvartalsrapporternas upparbetade kostnader. */
  readonly source?: 'kvartalsrapporter';
}

export interface MembershipFees {
  readonly associationId: string;
  readonly year: number;
  readonly total: Kronor;
  /** Member name -> kronor; absent when only the total is decided. */
  readonly perMember: Readonly<Record<string, Kronor>>;
  readonly source: string;
}

/**
 * A closed year as the annual report gives it. The five-year overview has income, costs,
 * result and soliditet for every year; only the latest year has the balance sheet.
 */
export interface AnnualReport {
  readonly associationId: string;
  readonly year: number;
  readonly income?: Kronor;
  /** Positive: what the year cost. */
  readonly costs?: Kronor;
  /** Verksamhetens resultat: income − costs, before financial items. */
  readonly operatingResult?: Kronor;
  /** Årets resultat after financial items, where the report gives it. */
  readonly result?: Kronor;
  /** As printed in the five-year overview, for years without a balance sheet. */
  readonly soliditetPercent?: number;
  readonly equity?: Kronor;
  readonly totalAssets?: Kronor;
  readonly currentAssets?: Kronor;
  readonly currentLiabilities?: Kronor;
  readonly reserveFund?: Kronor;
  readonly source: string;
}

/** "Enköpings kommun" -> "Enköping", the way the board's tables name owners. */
export const shortOwner = (owner: string) => owner.replace(/s? kommun$/, '');

/** "Lokussamordnare (Älvkarleby)": names repeat across kommuner, so the owner is part of the label. */
export const initiativeLabel = (i: Pick<Initiative, 'name' | 'owner'>) => `${i.name} (${shortOwner(i.owner)})`;
