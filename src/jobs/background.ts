/** Runs `fn` over `items` with at most `limit` at a time; results in input order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next;
      next += 1;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export interface PassResult {
  readonly finished: number;
  readonly failed: number;
}

export interface BackgroundLoop {
  /** Settles when the first pass has run (whatever its outcome). */
  readonly firstPass: Promise<void>;
  /** Stops scheduling and waits for a pass under way. */
  stop(): Promise<void>;
}

/**
 * Runs a pass now and then every `intervalMs`; after a pass with failures (a store or
 * connector that does not answer) the next one waits twice as long, up to `maxDelayMs`,
 * and a clean pass returns to the interval. A pass that throws counts as failed.
 */
export function startBackgroundLoop(
  pass: () => Promise<PassResult>,
  options: { intervalMs: number; maxDelayMs: number; onError: (err: unknown) => void },
): BackgroundLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let failures = 0;
  let resolveFirst: () => void = () => undefined;
  const firstPass = new Promise<void>((resolve) => (resolveFirst = resolve));

  const run = () => {
    running = (async () => {
      try {
        const result = await pass();
        failures = result.failed > 0 ? failures + 1 : 0;
      } catch (err) {
        failures += 1;
        options.onError(err);
      }
      resolveFirst();
      if (stopped) return;
      const delay = Math.min(options.intervalMs * 2 ** failures, options.maxDelayMs);
      timer = setTimeout(run, delay);
      timer.unref();
    })();
  };
  // After the current turn of the event loop: the caller marks itself ready first.
  timer = setTimeout(run, 0);
  timer.unref();
  return {
    firstPass,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      resolveFirst();
      await running;
    },
  };
}
