import { ColumnKind } from './ledger';
import { Kronor } from './money';

/** What a budget question asks for. Every figure answer is one of these over one subject. */
export type Measure =
  | 'remaining'
  | 'remainingAfterApplications'
  | 'carriedIn'
  | 'result'
  | 'income'
  | 'costs'
  | 'line'
  | 'utilisation'
  | 'actual'
  | 'unused'
  | 'endDate'
  | 'startDate'
  | 'membershipFee'
  | 'soliditet'
  | 'kassalikviditet'
  | 'equity'
  | 'reserveFund'
  | 'share'
  | 'ranking'
  | 'whatIf'
  | 'fundedInitiatives'
  | 'endingInitiatives'
  | 'initiativesOfOwner';

/** Measures that are about the förbund as a whole: a named insats or line never gets one of these. */
export const FORBUND_MEASURES: ReadonlySet<Measure> = new Set<Measure>([
  'remaining',
  'remainingAfterApplications',
  'carriedIn',
  'result',
  'income',
  'costs',
  'soliditet',
  'kassalikviditet',
  'equity',
  'reserveFund',
  'unused',
  'ranking',
  'whatIf',
  'fundedInitiatives',
  'endingInitiatives',
]);

/** Measures only closed years have: the balance sheet, and what the insatser used. */
export const CLOSED_YEAR_MEASURES: ReadonlySet<Measure> = new Set<Measure>(['soliditet', 'kassalikviditet', 'equity', 'unused', 'actual', 'utilisation']);

/** Measures a closed year's annual report also gives, so a change from last year to this can be shown. */
export const ANNUAL_REPORT_TOTALS: ReadonlySet<Measure> = new Set<Measure>(['result', 'income', 'costs', 'remaining']);

/** Measures that need an insats or a ledger line to be named. */
export const SUBJECT_MEASURES: ReadonlySet<Measure> = new Set<Measure>(['line', 'endDate', 'startDate', 'share']);

/** Who or what the question is about. */
export type Subject =
  | { readonly kind: 'forbund' }
  /** An insats or another ledger line, by its ledger/registry id. */
  | { readonly kind: 'line'; readonly id: string; readonly name: string; readonly isInitiative: boolean }
  /** A member organisation, for medlemsavgifter: the member's name as the fee table spells it, or a word for it. */
  | { readonly kind: 'member'; readonly words: readonly string[] }
  /** An insatsägare whose insatser are asked about together. */
  | { readonly kind: 'owner'; readonly owner: string };

export const FORBUND: Subject = { kind: 'forbund' };

/** The typed reading of one question, stored per conversation so a follow-up can change one part of it. */
export interface Reading {
  readonly measure: Measure;
  readonly subject: Subject;
  /** Ascending; at least one. */
  readonly years: readonly number[];
  /** No year was named: "hur går det för Bryggan?" may be answered from the latest year with data. */
  readonly yearImplied?: boolean;
  /** The column asked for; undefined means each year's latest estimate. */
  readonly column?: ColumnKind;
  /** "jämfört med budget": a second column shown beside the first with the difference. */
  readonly compareWith?: ColumnKind;
  /** "skillnaden mellan 2026 och 2027": the headline is the change from the first to the last year. */
  readonly difference?: boolean;
  /** "och 2028?" after 2027: the year it replaced, for "hur stor är minskningen?" next. */
  readonly yearsBefore?: readonly number[];
  /** The column shown for the year replaced ("Förvaltning budget 2026" then "och prognos 2027?"). */
  readonly columnBefore?: ColumnKind;
  /** The subject is the asking insatsansvarig's own insats ("vår insats"): the answer adds what they act on next. */
  readonly own?: boolean;
  /** whatIf: the amount granted. */
  readonly amount?: Kronor;
  /** ranking: most or least, and how many. */
  readonly order?: 'max' | 'min';
  readonly count?: number;
  /** After "Menade du …?": the subjects asked about, one of which the next turn names. */
  readonly candidates?: readonly string[];
}

/** What an asker said they work with ("Jag jobbar med Bryggan", "Jag jobbar i Heby kommun"): what their "vi" means after it. */
export type StatedWork = { readonly kind: 'initiative'; readonly id: string } | { readonly kind: 'owner'; readonly owner: string };
