import { randomBytes } from 'crypto';
import path from 'path';
import 'dotenv/config';
import { startEmbeddedCosmos } from './embeddedCosmos';

/**
 * npm run cosmos: the embedded Cosmos-compatible server on its own, for several bot instances
 * on one machine. Start bots with the COSMOS_ENDPOINT and COSMOS_KEY it prints, exactly as
 * against Azure. Data under DATA_DIR (default ./.data-shared), port COSMOS_PORT (default 8081).
 */
async function main(): Promise<void> {
  const dataDir = path.resolve(process.env.DATA_DIR || './.data-shared');
  const port = Number(process.env.COSMOS_PORT || 8081);
  const key = process.env.COSMOS_KEY || randomBytes(64).toString('base64');
  const server = await startEmbeddedCosmos(dataDir, port, { key });
  console.log(`Cosmos-servern lyssnar på ${server.endpoint} (data under ${dataDir}).`);
  console.log(`COSMOS_ENDPOINT=${server.endpoint}`);
  console.log(`COSMOS_KEY=${key}`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  console.error(`Cosmos-servern kunde inte starta: ${(err as Error).message}`);
  process.exit(1);
});
