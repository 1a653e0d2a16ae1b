import { Container } from '@azure/cosmos';
import { createHash } from 'crypto';
import { ReadingRepository } from '../ports/repositories';
import { Reading, StatedWork } from '../domain/reading';
import { StoredDocument, isStatus, readDocument } from './documents';

type ReadingDocument = StoredDocument<'reading'> & { readonly reading: Reading; readonly savedAt: string };
type StatedWorkDocument = StoredDocument<'statedWork'> & { readonly work: StatedWork; readonly savedAt: string };

// Teams conversation ids are long and may hold characters Cosmos ids refuse; a hash is short and safe.
const keyHash = (conversationKey: string) => createHash('sha256').update(conversationKey).digest('hex').slice(0, 40);
const readingId = (conversationKey: string) => `reading-${keyHash(conversationKey)}`;
const statedWorkId = (conversationKey: string) => `stated-${keyHash(conversationKey)}`;

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

  async getStatedWork(associationId: string, conversationKey: string): Promise<StatedWork | undefined> {
    return (await readDocument<StatedWorkDocument>(this.container, statedWorkId(conversationKey), associationId))?.work;
  }

  /** An id or an owner's name from the förbund's own table, never the user's words. */
  async saveStatedWork(associationId: string, conversationKey: string, work: StatedWork): Promise<void> {
    const doc: StatedWorkDocument = { id: statedWorkId(conversationKey), associationId, type: 'statedWork', work, savedAt: new Date().toISOString() };
    await this.container.items.upsert(doc);
  }

  async clearStatedWork(associationId: string, conversationKey: string): Promise<void> {
    try {
      await this.container.item(statedWorkId(conversationKey), associationId).delete();
    } catch (err) {
      if (!isStatus(err, 404)) throw err;
    }
  }
}
