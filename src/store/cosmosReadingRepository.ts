import { Container } from '@azure/cosmos';
import { createHash } from 'crypto';
import { ReadingRepository } from '../ports/repositories';
import { Reading } from '../domain/reading';
import { StoredDocument, readDocument } from './documents';

type ReadingDocument = StoredDocument<'reading'> & { readonly reading: Reading; readonly savedAt: string };

// Teams conversation ids are long and may hold characters Cosmos ids refuse; a hash is short and safe.
const readingId = (conversationKey: string) => `reading-${createHash('sha256').update(conversationKey).digest('hex').slice(0, 40)}`;

/** One small document per conversation and user, overwritten by each question: a follow-up reads it once. */
export class CosmosReadingRepository implements ReadingRepository {
  constructor(private readonly container: Container) {}

  async get(associationId: string, conversationKey: string): Promise<Reading | undefined> {
    return (await readDocument<ReadingDocument>(this.container, readingId(conversationKey), associationId))?.reading;
  }

  async save(associationId: string, conversationKey: string, reading: Reading): Promise<void> {
    const doc: ReadingDocument = { id: readingId(conversationKey), associationId, type: 'reading', reading, savedAt: new Date().toISOString() };
    await this.container.items.upsert(doc);
  }
}
