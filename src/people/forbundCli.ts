/**
 * npm run forbund -- add <id> "<namn>" --kansli <aadObjectId> [--namn "<kanslipersonens namn>"]
 * npm run forbund -- list
 * Adds a förbund to the deployment with its first kansli person; everything else is then done
 * in chat. With the embedded store, run it while the server is stopped.
 */
import 'dotenv/config';
import { loadConfig } from '../config';
import { ASSOCIATION_ID } from '../domain/people';
import { cosmosRepositories } from '../store/repositories';
import { openCosmosStore, storeConfigOf } from '../store/cosmosStore';
import { addAssociation } from './addAssociation';

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (command !== 'add' && command !== 'list') {
    console.error(
      'Användning: npm run forbund -- add <id> "<namn>" --kansli <aadObjectId> [--namn "<namn på kanslipersonen>"]\n           npm run forbund -- list',
    );
    return 2;
  }
  const config = loadConfig();
  const store = await openCosmosStore(storeConfigOf(config));
  try {
    const people = cosmosRepositories(store).people;
    if (command === 'list') {
      for (const a of await people.listAssociations()) console.log(`${a.id}\t${a.name}\t${(await people.getRoster(a.id))?.people.length ?? 0} användare`);
      return 0;
    }
    const [id, name] = args;
    const kansli = option(args, '--kansli');
    if (!id || !ASSOCIATION_ID.test(id) || !name || !kansli) {
      console.error('Ange id (gemener, siffror och bindestreck, t.ex. "gavleborg"), namn och --kansli <aadObjectId>.');
      return 2;
    }
    const result = await addAssociation(people, { id, name, kansliId: kansli, kansliName: option(args, '--namn') ?? 'Kansliet' }, new Date());
    console.log(result.message);
    return result.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (err) => {
    console.error(`Förbundet kunde inte läggas till: ${(err as Error).message}`);
    process.exitCode = 1;
  },
);
