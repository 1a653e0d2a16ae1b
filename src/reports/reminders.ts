import { Initiative, initiativeLabel } from '../domain/initiatives';
import { Quarter, dueDate, latestEndedQuarter, quarterLabel } from '../domain/quarters';
import { QuarterlyReport } from '../domain/quarterlyReports';
import { formatDateLong } from '../format/swedish';
import { Reply } from '../cards/viewModels';
import { HandlerDependencies } from '../ports/dependencies';
import { UserIdentity } from '../roles/roleDirectory';
import { ReminderStage } from '../ports/reportRepository';
import { reportStatus } from './reportStatus';
import { initiativesWithoutLead } from './initiativesWithoutLead';

export interface Reminder {
  readonly user: UserIdentity;
  readonly quarter: Quarter;
  readonly stage: ReminderStage;
  readonly initiatives: readonly Initiative[];
  /** To the kansli: reports missing for insatser that no insatsansvarig answers for. */
  readonly withoutLead?: boolean;
}

/**
 * Who should be reminded today about the latest ended quarter: before the deadline
 * (from `daysBefore` days ahead) and once it has passed, each person with every one
 * of their insatser still missing a report.
 */
export function planReminders(
  today: string,
  daysBefore: number,
  users: readonly UserIdentity[],
  initiatives: readonly Initiative[],
  reports: readonly QuarterlyReport[],
): Reminder[] {
  const quarter = latestEndedQuarter(today);
  const due = dueDate(quarter);
  const daysLeft = Math.round((Date.parse(due) - Date.parse(today)) / 86_400_000);
  const stage: ReminderStage | undefined = daysLeft < 0 ? 'försenad' : daysLeft <= daysBefore ? 'före' : undefined;
  if (!stage) return [];
  const missing = new Set(
    reportStatus(quarter, initiatives, reports, today)
      .filter((r) => r.state !== 'inlämnad')
      .map((r) => r.initiative.id),
  );
  return users
    .map((user) => ({ user, quarter, stage, initiatives: initiatives.filter((i) => user.initiatives.includes(i.id) && missing.has(i.id)) }))
    .filter((r) => r.initiatives.length > 0);
}

/**
 * The kansli hears about the reports nobody can file: each kansli person, once per quarter and
 * stage, gets the missing reports of insatser that have no insatsansvarig.
 */
export function planLeaderlessReminders(
  today: string,
  daysBefore: number,
  kansli: readonly UserIdentity[],
  leads: readonly UserIdentity[],
  initiatives: readonly Initiative[],
  reports: readonly QuarterlyReport[],
): Reminder[] {
  const orphans = initiativesWithoutLead(initiatives, leads, today).map((i) => i.id);
  const nobody: UserIdentity = { name: '', associationId: '', roles: ['insatsansvarig'], initiatives: orphans };
  const [due] = planReminders(today, daysBefore, [nobody], initiatives, reports);
  if (!due) return [];
  return kansli.filter((u) => u.aadObjectId).map((user) => ({ ...due, user, withoutLead: true }));
}

function leaderlessReply(r: Reminder): Reply {
  const due = formatDateLong(dueDate(r.quarter));
  const title = `Kvartalsrapport ${quarterLabel(r.quarter)} saknas för insatser utan insatsansvarig`;
  const status = `${r.stage === 'före' ? `Sista dag är ${due}` : `Sista dag var ${due}`}. Ingen kan lämna rapporten för:`;
  const facts = r.initiatives.map((i) => ({ label: initiativeLabel(i), value: 'ingen insatsansvarig' }));
  return {
    card: {
      template: 'receipt',
      view: {
        title,
        status,
        facts,
        notes: [{ text: 'Lägg till en insatsansvarig för insatsen, så kan hen lämna rapporten och får påminnelserna.' }],
        actions: [{ title: 'Lägg till användare', verb: 'openPersonForm', data: {} }],
      },
    },
    text: [title, status, ...facts.map((f) => f.label)].join('\n'),
  };
}

export function reminderReply(r: Reminder): Reply {
  if (r.withoutLead) return leaderlessReply(r);
  const due = formatDateLong(dueDate(r.quarter));
  const title =
    r.stage === 'före' ? `Påminnelse: kvartalsrapport ${quarterLabel(r.quarter)} senast ${due}` : `Kvartalsrapport ${quarterLabel(r.quarter)} är försenad`;
  const status = r.stage === 'före' ? 'Rapporten saknas ännu för:' : `Sista dag var ${due}. Rapporten saknas för:`;
  const facts = r.initiatives.map((i) => ({ label: initiativeLabel(i), value: 'saknas' }));
  const actions = r.initiatives.map((i) => ({
    title: `Fyll i för ${initiativeLabel(i)}`,
    verb: 'openReportForm',
    data: { initiativeId: i.id, quarterKey: `${r.quarter.year}-Q${r.quarter.quarter}` },
  }));
  return {
    card: { template: 'receipt', view: { title, status, facts, notes: [{ text: 'Du kan också skriva "kvartalsrapport" här i chatten.' }], actions } },
    text: [title, status, ...facts.map((f) => f.label)].join('\n'),
  };
}

export interface ReminderRunResult {
  readonly planned: number;
  readonly sent: number;
  readonly alreadySent: number;
  readonly unreachable: number;
  readonly failed: number;
}

export interface ReminderRunOptions {
  readonly daysBefore: number;
  /** At most this many messages per second, under Teams' limit of 7 per conversation. */
  readonly perSecond: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly onError?: (reminder: Reminder, err: unknown) => void;
}

/**
 * Sends the day's reminders in every förbund. Each goes once per person, quarter and
 * stage (claimed before sending), so running the job twice sends nothing twice; a send
 * that failed is tried again by the next run.
 */
export async function runReminders(deps: HandlerDependencies, options: ReminderRunOptions): Promise<ReminderRunResult> {
  const today = deps.today();
  const year = latestEndedQuarter(today).year;
  const plan: Reminder[] = [];
  for (const associationId of await deps.directory.associations()) {
    const [registry, reports] = await Promise.all([deps.repos.initiatives.getRegistry(associationId), deps.repos.reports.listForYear(associationId, year)]);
    const leads = await deps.directory.withRole(associationId, ['insatsansvarig']);
    plan.push(...planReminders(today, options.daysBefore, leads, registry?.initiatives ?? [], reports));
    const kansli = await deps.directory.withRole(associationId, ['kansli']);
    plan.push(...planLeaderlessReminders(today, options.daysBefore, kansli, leads, registry?.initiatives ?? [], reports));
  }
  const result = { planned: plan.length, sent: 0, alreadySent: 0, unreachable: 0, failed: 0 };
  const spacing = 1000 / options.perSecond;
  let lastSend = 0;
  for (const [index, reminder] of plan.entries()) {
    const { user, quarter, stage } = reminder;
    const aad = user.aadObjectId as string;
    // The kansli's note about insatser without an insatsansvarig is claimed apart from their own reports' reminder.
    const claimKey = reminder.withoutLead ? `${aad}-utan-ansvarig` : aad;
    if (!(await deps.repos.reports.claimReminder(user.associationId, claimKey, quarter, stage))) {
      result.alreadySent += 1;
    } else {
      const wait = lastSend + spacing - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      lastSend = Date.now();
      try {
        const posted = await deps.notifier.sendToUser(user.associationId, aad, reminderReply(reminder));
        await deps.repos.reports.finishReminder(user.associationId, claimKey, quarter, stage, posted ? 'sent' : 'failed');
        if (posted) result.sent += 1;
        else result.unreachable += 1;
      } catch (err) {
        options.onError?.(reminder, err);
        await deps.repos.reports.finishReminder(user.associationId, claimKey, quarter, stage, 'failed');
        result.failed += 1;
      }
    }
    options.onProgress?.(index + 1, plan.length);
  }
  return result;
}
