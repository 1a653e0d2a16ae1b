import { Kronor } from './money';
import { PersonRef, PostedCard } from './deviations';

export type ApplicationStatus = 'utkast' | 'inlämnad' | 'beviljad' | 'avslagen';

export interface ApplicationDecision {
  readonly outcome: 'beviljad' | 'avslagen';
  /** Styrelsen (recorded by the kansli) or the förbundschef on delegation. */
  readonly by: 'styrelsen' | 'delegation';
  readonly decidedAt: string;
  readonly decidedOn: string;
  /** The board meeting's date for a board decision. */
  readonly meetingDate?: string;
  /** The minutes' paragraph of a board decision, "§ 47". */
  readonly paragraph?: string;
  readonly decider: PersonRef;
  readonly reason: string;
  /** Granted per calendar year (maximalt), possibly less than applied for. */
  readonly grantedByYear: Readonly<Record<number, Kronor>>;
  readonly period: { readonly start: string; readonly end: string };
  /** The decision in the förbund's wording. */
  readonly text: string;
  /** "D 2026:4" for a delegationsbeslut. */
  readonly number?: string;
  readonly reportedToBoard?: string;
}

/** An ansökan: a draft of raw form fields until submitted, then an ärende with a Dnr. */
export interface Application {
  readonly id: string;
  readonly associationId: string;
  readonly status: ApplicationStatus;
  readonly applicant: PersonRef;
  /** Raw field values of every section as typed; parsed and checked on each step and at submission. */
  readonly fields: Readonly<Record<string, string>>;
  /** The section the applicant is on (0-based); the summary comes after the last section. */
  readonly step: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly dnr?: string;
  readonly submittedAt?: string;
  readonly submittedOn?: string;
  /** At submission: the insats's name, main owner and the amounts applied for per year. */
  readonly name?: string;
  readonly owner?: string;
  readonly period?: { readonly start: string; readonly end: string };
  readonly requestedByYear?: Readonly<Record<number, Kronor>>;
  readonly decision?: ApplicationDecision;
  /** The decision has reached the ledger and the insats register. */
  readonly decisionFinished?: boolean;
  readonly kansliNotified?: boolean;
  /** The cards sent to the kansli and the deciders, updated to the final state when it is decided. */
  readonly postedCards?: readonly PostedCard[];
}
