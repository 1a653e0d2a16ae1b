import './compileCache';
import 'dotenv/config';
import './instrument';
import { startApp } from './app';
import { jsonLogger } from './bot/errorReply';
import { loadConfig } from './config';

async function main(): Promise<void> {
  const app = await startApp(loadConfig(), jsonLogger);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    jsonLogger.info({ message: `${signal}: stänger ner` });
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  jsonLogger.error({ message: `Kunde inte starta: ${(err as Error).message}`, stack: (err as Error).stack });
  process.exit(1);
});
