import { Container, ErrorResponse } from '@azure/cosmos';
import { findPersonnummer } from '../domain/personalData';
import { ConcurrencyError, InvalidInputError } from '../errors';

/** Every stored document carries its förbund (the partition key) and a type. */
export interface StoredDocument<T extends string> {
  readonly id: string;
  readonly associationId: string;
  readonly type: T;
  readonly _etag?: string;
}

export function isStatus(err: unknown, code: number): boolean {
  return (err as ErrorResponse | undefined)?.code === code;
}

/**
 * The last line of the personnummer guard: whatever a handler forgot to check, no
 * document with a personnummer in any string or key reaches the store.
 */
export function assertNoPersonalData(doc: object): void {
  const where = findPersonnummer(doc);
  if (where)
    throw new InvalidInputError(
      'Uppgifterna innehåller något som liknar ett personnummer eller samordningsnummer. Uppgifter om enskilda får inte lämnas; ta bort numret. Inget sparades.',
      `personnummer at ${where}`,
    );
}

/** Point read that returns undefined for 404 instead of throwing. */
export async function readDocument<D extends object>(container: Container, id: string, associationId: string): Promise<D | undefined> {
  try {
    const { resource } = await container.item(id, associationId).read<D & { id: string }>();
    return resource ?? undefined;
  } catch (err) {
    if (isStatus(err, 404)) return undefined;
    throw err;
  }
}

export interface RetryOptions {
  readonly attempts?: number;
  /** Upper bound of the random pause before retry n, in ms (grows with n); 0 retries at once. */
  readonly backoffMs?: number;
}

/**
 * Read-modify-write with optimistic concurrency: the replace carries the ETag that
 * was read, and a 412/409 (someone else wrote first) re-reads and retries. When
 * `change` returns the document it was given, nothing is written.
 */
export async function updateWithRetry<D extends StoredDocument<string>>(
  container: Container,
  id: string,
  associationId: string,
  change: (current: D | undefined) => D,
  options: RetryOptions = {},
): Promise<D> {
  const attempts = options.attempts ?? 10;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const current = await readDocument<D>(container, id, associationId);
    const next = change(current);
    if (current && next === current) return current;
    assertNoPersonalData(next);
    try {
      if (!current) return (await container.items.create<D>(next)).resource as D;
      const { resource } = await container
        .item(id, associationId)
        .replace<D>(next, { accessCondition: { type: 'IfMatch', condition: current._etag as string } });
      return resource as D;
    } catch (err) {
      if (!isStatus(err, 412) && !isStatus(err, 409)) throw err;
    }
    // Jitter spreads contenders out so that one of them wins each round.
    if (options.backoffMs) await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(options.backoffMs as number, 2 ** attempt)));
  }
  throw new ConcurrencyError('Någon annan ändrade samma uppgifter samtidigt. Försök igen om en stund.', `gave up updating ${id} after ${attempts} attempts`);
}

/** Replaces a document only if it still has the ETag it was read with; undefined when someone else wrote first (412). */
export async function replaceIfMatch<D extends StoredDocument<string>>(container: Container, next: D, etag: string): Promise<D | undefined> {
  assertNoPersonalData(next);
  try {
    const { resource } = await container.item(next.id, next.associationId).replace<D>(next, { accessCondition: { type: 'IfMatch', condition: etag } });
    return resource as D;
  } catch (err) {
    if (isStatus(err, 412)) return undefined;
    throw err;
  }
}
