import { Container } from '@azure/cosmos';
import { ConversationEntry, ConversationRepository } from '../ports/caseRepositories';
import { StoredDocument, readDocument } from './documents';

type ConversationDocument = StoredDocument<'conversation'> & ConversationEntry;

const conversationId = (aadObjectId: string) => `conversation-${aadObjectId}`;

export class CosmosConversationRepository implements ConversationRepository {
  constructor(private readonly container: Container) {}

  async save(associationId: string, entry: ConversationEntry): Promise<void> {
    const doc: ConversationDocument = { id: conversationId(entry.aadObjectId), associationId, type: 'conversation', ...entry };
    await this.container.items.upsert(doc);
  }

  async get(associationId: string, aadObjectId: string): Promise<ConversationEntry | undefined> {
    const doc = await readDocument<ConversationDocument>(this.container, conversationId(aadObjectId), associationId);
    return doc ? { aadObjectId: doc.aadObjectId, teamsUserId: doc.teamsUserId, reference: doc.reference } : undefined;
  }
}
