/**
 * npm run playground: the bot with demo data and one Microsoft 365 Agents Playground per
 * role, so a newcomer can try every role in a Teams-like chat without a tenant.
 */
import 'dotenv/config';
import { startPlayground } from './playgroundServer';

async function main(): Promise<void> {
  const playground = await startPlayground();
  const width = Math.max(...playground.instances.map((i) => i.label.length));
  console.log('\nFinsam-boten körs med demodata. Öppna en webbläsare och välj roll:\n');
  for (const instance of playground.instances) console.log(`  ${instance.label.padEnd(width)}  ${instance.url}`);
  console.log('\nI varje lekplats finns en personlig chatt, en gruppchatt och teamet "Förbundsstyrelsen" (nämn @Finsam i kanalen).');
  console.log('Avsluta med Ctrl+C.\n');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await playground.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err) => {
  console.error(`Kunde inte starta lekplatsen: ${(err as Error).message}`);
  process.exit(1);
});
