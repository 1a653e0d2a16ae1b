import { CONTAINERS, ContainerName } from '../../src/store/cosmosStore';
import { BotUnderTest } from './runningBot';

/** Cosmos's own bookkeeping, which changes on every write. */
const SYSTEM = new Set(['_etag', '_rid', '_self', '_ts', '_attachments', '_lsn']);

/**
 * Everything the bot has stored about ärenden, figures and reports, as one comparable string:
 * to prove that an action changed nothing. Conversation references and readings are left out:
 * every message refreshes them.
 */
export async function storeContents(bot: BotUnderTest): Promise<string> {
  const names = Object.values(CONTAINERS).filter((n) => n !== CONTAINERS.conversations) as ContainerName[];
  const parts = await Promise.all(
    names.map(async (name) => {
      const { resources } = await bot.app.store.container(name).items.query<Record<string, unknown>>('SELECT * FROM c').fetchAll();
      return resources
        .map((doc) =>
          JSON.stringify(
            Object.fromEntries(
              Object.entries(doc)
                .filter(([k]) => !SYSTEM.has(k))
                .sort(([a], [b]) => a.localeCompare(b)),
            ),
          ),
        )
        .sort()
        .map((doc) => `${name} ${doc}`);
    }),
  );
  return parts.flat().join('\n');
}
