import { trackException } from '../telemetry';
import { randomBytes } from 'crypto';
import { Reply } from '../cards/viewModels';
import { Logger } from '../ports/logger';
import { AppError, NOTHING_SAVED, NextStep, SavedNotFinishedError, StoreUnavailableError, UnknownActionError, isStoreRefusal } from '../errors';

export type { Logger };

export const jsonLogger: Logger = {
  error: (entry) => console.error(JSON.stringify({ level: 'error', time: new Date().toISOString(), ...entry })),
  info: (entry) => console.log(JSON.stringify({ level: 'info', time: new Date().toISOString(), ...entry })),
};

const TITLES: Readonly<Record<string, string>> = {
  forbidden: 'Det här görs av någon annan',
  not_found: 'Det finns inte här',
  conflict: 'Någon hann före',
};

const HELP: NextStep = { title: 'Vad kan jag göra?', question: 'hjälp' };

/**
 * The one error path. A typed AppError is a situation the user is in, not a fault: it gets a
 * friendly card saying what to do instead, with buttons, and an info log line without stack.
 * Anything else is a real fault: an apology with an error id, logged with its stack. A verb no
 * handler knows is a fault too: the bot only posts cards it can answer, so it is a bug or a forged call.
 */
export function errorReply(thrown: unknown, logger: Logger, context: Record<string, unknown> = {}): Reply {
  // A store that refuses writes is a fault, but the user must hear that nothing was saved.
  const err =
    !(thrown instanceof AppError) && isStoreRefusal(thrown)
      ? Object.assign(new StoreUnavailableError(NOTHING_SAVED, (thrown as Error)?.message), { stack: (thrown as Error)?.stack })
      : thrown;
  if (err instanceof AppError && !(err instanceof UnknownActionError) && !(err instanceof StoreUnavailableError) && !(err instanceof SavedNotFinishedError)) {
    logger.info({ code: err.code, message: err.message, ...context });
    const title = TITLES[err.code] ?? 'Så här går det till';
    const steps = err.nextSteps.length > 0 ? err.nextSteps : [HELP];
    const actions = steps.map((s) => ({ title: s.title, verb: 'askQuestion', data: { question: s.question } }));
    return { card: { template: 'notice', view: { title, message: err.userMessage, actions } }, text: `${title}: ${err.userMessage}` };
  }
  const errorId = randomBytes(4).toString('hex');
  const known = err instanceof AppError;
  trackException(err, { errorId, code: known ? err.code : 'internal' });
  logger.error({ errorId, code: known ? err.code : 'internal', message: (err as Error)?.message ?? String(err), stack: (err as Error)?.stack, ...context });
  const title = err instanceof SavedNotFinishedError ? 'Sparat, men inte klart' : known ? 'Det gick inte' : 'Något gick fel';
  const message = known ? err.userMessage : 'Förlåt, jag kunde inte svara just nu. Försök igen om en stund; kvarstår felet, ange felkoden till kansliet.';
  return { card: { template: 'error', view: { title, message, errorId } }, text: `${title}: ${message} (felkod ${errorId})` };
}
