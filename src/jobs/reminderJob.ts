import { timingSafeEqual } from 'crypto';
import { Logger } from '../ports/logger';
import { HandlerDependencies } from '../ports/dependencies';
import { AppConfig } from '../config';
import { ReminderRunResult, runReminders } from '../reports/reminders';

/** Constant-time check of "Authorization: Bearer <JOBS_KEY>". */
export function hasJobKey(header: string | undefined, key: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(key);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The reminder job with progress in the log; used by the HTTP endpoint and `npm run remind`. */
export async function sendReminders(
  deps: HandlerDependencies,
  config: AppConfig,
  logger: Logger,
  onProgress?: (done: number, total: number) => void,
): Promise<ReminderRunResult> {
  const result = await runReminders(deps, {
    daysBefore: config.reminderDaysBefore,
    perSecond: config.remindersPerSecond,
    onProgress: (done, total) => {
      onProgress?.(done, total);
      if (done === total || done % 25 === 0) logger.info({ message: `Påminnelser: ${done} av ${total} behandlade.` });
    },
    onError: (reminder, err) =>
      logger.error({ message: 'reminder failed', user: reminder.user.aadObjectId, stage: reminder.stage, error: (err as Error).message }),
  });
  logger.info({ message: 'Påminnelsejobbet klart.', ...result });
  return result;
}
