import { Reply } from '../cards/viewModels';
import { Deviation, DeviationStatus, PostedCard } from '../domain/deviations';

export interface DeviationRepository {
  /** Creates the avvikelse unless one with the same id exists; returns what is stored either way. */
  createIfAbsent(deviation: Deviation): Promise<{ readonly created: boolean; readonly deviation: Deviation }>;
  get(associationId: string, id: string): Promise<Deviation | undefined>;
  /**
   * Replaces the avvikelse only if nobody changed it since `read` was read (ETag);
   * returns undefined when someone else wrote first.
   */
  replaceIfUnchanged(read: Deviation, next: Deviation): Promise<Deviation | undefined>;
  /** Read-modify-write that retries on conflicting writes. */
  update(associationId: string, id: string, change: (current: Deviation) => Deviation): Promise<Deviation>;
  listByStatus(associationId: string, statuses: readonly DeviationStatus[]): Promise<readonly Deviation[]>;
  /** Decided avvikelser whose decision date lies in [from, to]. */
  listDecided(associationId: string, from: string, to: string): Promise<readonly Deviation[]>;
  /** Every förbund's avvikelser left half-done: no Dnr, not sent to a decider, or a decision without number or effects. */
  listUnfinished(): Promise<readonly Deviation[]>;
  /**
   * "Not more than what is left", made atomic: `fits` sees the other filings of the insats and
   * year that are between their check and their creation, and if it approves, this filing's
   * amount is recorded in the same ETag-conditional write that saw them. A conflicting write
   * runs `fits` again on fresh facts. Returns whether the amount was reserved.
   */
  reserveBudget(
    associationId: string,
    initiativeId: string,
    year: number,
    caseId: string,
    amount: number,
    fits: (inFlight: readonly BudgetReservation[]) => Promise<boolean>,
  ): Promise<boolean>;
}

/** A budget filing that has passed its check and is being created. */
export interface BudgetReservation {
  readonly caseId: string;
  readonly amount: number;
  /** When it was reserved (ISO); after a short while the avvikelse itself carries the amount. */
  readonly at: string;
}

/** Gap-free sequences per förbund, series and year. Assigning the same key again returns the same number. */
export interface SequenceRepository {
  assign(associationId: string, series: 'dnr' | 'delegationsbeslut', year: number, key: string): Promise<number>;
}

/** Where the bot can reach a user later: their Teams id and an opaque conversation reference. */
export interface ConversationEntry {
  readonly aadObjectId: string;
  readonly teamsUserId: string;
  readonly reference: Readonly<Record<string, unknown>>;
}

export interface ConversationRepository {
  save(associationId: string, entry: ConversationEntry): Promise<void>;
  get(associationId: string, aadObjectId: string): Promise<ConversationEntry | undefined>;
}

/** Proactive messages, implemented at the Bot Framework edge. */
export interface Notifier {
  /** Sends to the user's personal chat; undefined when the bot has never met the user. */
  sendToUser(associationId: string, aadObjectId: string, reply: Reply): Promise<PostedCard | undefined>;
  /** Replaces a card the bot posted earlier. */
  updateCard(associationId: string, posted: PostedCard, reply: Reply): Promise<void>;
}
