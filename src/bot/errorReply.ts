import { randomBytes } from 'crypto';
import { Reply } from '../cards/viewModels';
import { AppError, NOTHING_SAVED, StoreUnavailableError, isStoreRefusal } from '../errors';

export interface Logger {
  error(entry: Record<string, unknown>): void;
  info(entry: Record<string, unknown>): void;
}

export const jsonLogger: Logger = {
  error: (entry) => console.error(JSON.stringify({ level: 'error', time: new Date().toISOString(), ...entry })),
  info: (entry) => console.log(JSON.stringify({ level: 'info', time: new Date().toISOString(), ...entry })),
};

/**
 * The one error path: a typed AppError shows its Swedish message, anything else a
 * generic apology; both carry an error id that is also in the log with the details.
 */
export function errorReply(thrown: unknown, logger: Logger, context: Record<string, unknown> = {}): Reply {
  const err = !(thrown instanceof AppError) && isStoreRefusal(thrown) ? Object.assign(new StoreUnavailableError(NOTHING_SAVED, (thrown as Error)?.message), { stack: (thrown as Error)?.stack }) : thrown;
  const errorId = randomBytes(4).toString('hex');
  const known = err instanceof AppError;
  logger.error({ errorId, code: known ? err.code : 'internal', message: (err as Error)?.message ?? String(err), stack: (err as Error)?.stack, ...context });
  const title = known ? 'Det gick inte' : 'Något gick fel';
  const message = known ? err.userMessage : 'Förlåt, jag kunde inte svara just nu. Försök igen om en stund; kvarstår felet, ange felkoden till kansliet.';
  return { card: { template: 'error', view: { title, message, errorId } }, text: `${title}: ${message} (felkod ${errorId})` };
}
