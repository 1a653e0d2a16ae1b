/** A button on the answer to a user situation: asks the bot something the user can do instead. */
export interface NextStep {
  readonly title: string;
  readonly question: string;
}

/**
 * Typed errors that handlers throw for situations the user is in (a mistake, the wrong
 * role, nothing to resume, a stale card): not faults. One place (the bot's error path)
 * turns them into a friendly Swedish card with what to do instead; everything else is a
 * real fault and becomes a generic apology with an error id.
 */
export abstract class AppError extends Error {
  abstract readonly code: string;
  /** Swedish text that is safe to show the user. */
  readonly userMessage: string;
  /** What the user can do instead, as buttons. */
  readonly nextSteps: readonly NextStep[];
  constructor(userMessage: string, detail?: string, nextSteps: readonly NextStep[] = []) {
    super(detail ?? userMessage);
    this.userMessage = userMessage;
    this.nextSteps = nextSteps;
    this.name = new.target.name;
  }
}

export class InvalidInputError extends AppError {
  readonly code = 'invalid_input';
}

export class NotFoundError extends AppError {
  readonly code = 'not_found';
}

export class ForbiddenError extends AppError {
  readonly code = 'forbidden';
}

/** Someone else changed the same thing first (ETag mismatch that retries could not resolve). */
export class ConcurrencyError extends AppError {
  readonly code = 'conflict';
}

/** The store refused a write it did not make (full disk, throttling): the user may simply try again. */
export class StoreUnavailableError extends AppError {
  readonly code = 'store_unavailable';
}

/** A change was saved, but what follows it (a copy elsewhere in the store) was not: the background repair finishes it. */
export class SavedNotFinishedError extends AppError {
  readonly code = 'saved_not_finished';
}

export const NOTHING_SAVED = 'Inget sparades – försök igen om en stund.';

/** A store error that means the write was not made: 503 (our embedded store with a failed disk, or Azure) and 429 after the SDK's own retries. */
export function isStoreRefusal(err: unknown): boolean {
  const code = (err as { code?: unknown } | undefined)?.code;
  return code === 503 || code === 429;
}

export class UnknownActionError extends AppError {
  readonly code = 'unknown_action';
}

export class ValidationError extends AppError {
  readonly code = 'validation';
  constructor(readonly problems: readonly string[]) {
    super(`Filen är inte giltig:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
}
