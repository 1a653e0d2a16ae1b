/**
 * Runs `work`; when it has not finished after `afterMs`, `say` tells the user it is coming
 * ("Skapar Ekonomisk information …"). The message is sent before the result, never after it.
 */
export async function withProgress<T>(work: () => Promise<T>, say: (() => Promise<void>) | undefined, afterMs: number): Promise<T> {
  let said: Promise<void> | undefined;
  const timer = say ? setTimeout(() => (said = say().catch(() => undefined)), afterMs) : undefined;
  try {
    return await work();
  } finally {
    clearTimeout(timer);
    await said;
  }
}
