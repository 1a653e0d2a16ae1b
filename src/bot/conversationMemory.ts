import { TurnContext } from 'botbuilder';
import { ConversationRepository } from '../ports/caseRepositories';
import { Logger } from './errorReply';

/**
 * Remembers where each user's personal chat with the bot is, so the bot can write
 * to them later (a decision to make, a decision made). Writes only when something changed.
 */
export class ConversationMemory {
  private readonly known = new Map<string, string>();

  constructor(
    private readonly conversations: ConversationRepository,
    private readonly logger: Logger,
  ) {}

  async remember(context: TurnContext, associationId: string): Promise<void> {
    const activity = context.activity;
    const aadObjectId = activity.from?.aadObjectId;
    if (!aadObjectId || activity.conversation?.conversationType !== 'personal') return;
    const reference = TurnContext.getConversationReference(activity) as unknown as Record<string, unknown>;
    delete reference.activityId;
    const key = `${associationId}/${aadObjectId}`;
    const serialized = JSON.stringify(reference);
    if (this.known.get(key) === serialized) return;
    try {
      await this.conversations.save(associationId, { aadObjectId, teamsUserId: activity.from.id, reference });
      this.known.set(key, serialized);
    } catch (err) {
      // Answering the user matters more than remembering the chat; the next turn tries again.
      this.logger.error({ message: 'could not store conversation reference', error: (err as Error).message });
    }
  }
}
