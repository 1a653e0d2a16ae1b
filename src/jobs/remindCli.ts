/**
 * npm run remind: sends today's kvartalsrapport reminders and exits. With the embedded
 * store, run it while the server is stopped (or call POST /api/jobs/reminders instead).
 */
import 'dotenv/config';
import { createAdapter } from '../bot/adapter';
import { ProactiveNotifier } from '../bot/proactiveNotifier';
import { cosmosRepositories } from '../store/repositories';
import { jsonLogger } from '../bot/errorReply';
import { loadConfig } from '../config';
import { createDependencies } from '../bot/dependencies';
import { bootstrapRoles } from '../roles/storedDirectory';
import { openCosmosStore, storeConfigOf } from '../store/cosmosStore';
import { sendReminders } from './reminderJob';

async function main(): Promise<void> {
  const config = loadConfig();
  const quiet = { info: () => undefined, error: jsonLogger.error };
  const store = await openCosmosStore(storeConfigOf(config));
  try {
    const notifier = new ProactiveNotifier(createAdapter(config, quiet), config.botId, cosmosRepositories(store).conversations);
    const deps = createDependencies(config, store, notifier);
    await bootstrapRoles(deps.repos.people, config.rolesFile, deps.now());
    const result = await sendReminders(deps, config, quiet, (done, total) => process.stdout.write(`\rPåminnelser: ${done} av ${total}`));
    console.log(`\nSkickade ${result.sent}, redan skickade ${result.alreadySent}, kunde inte nås ${result.unreachable}, misslyckades ${result.failed}.`);
    process.exitCode = result.failed > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}

main().catch((err) => {
  console.error(`Påminnelserna kunde inte skickas: ${(err as Error).message}`);
  process.exit(1);
});
