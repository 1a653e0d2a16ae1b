import { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { Reply } from '../cards/viewModels';
import { ConversationRepository, Notifier } from '../ports/caseRepositories';
import { PostedCard } from '../domain/deviations';
import { cardAttachment, replyActivity } from './activities';

const MAX_ATTEMPTS = 6;

/** Teams answers 429 when a bot sends too fast; wait as long as it asks (Retry-After), else back off, and try again. */
export async function retryWhenThrottled<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (err) {
      const e = err as { statusCode?: number; response?: { headers?: { get?(name: string): string | undefined } } };
      if (e.statusCode !== 429 || attempt >= MAX_ATTEMPTS) throw err;
      const retryAfter = Number(e.response?.headers?.get?.('retry-after'));
      const waitMs = Number.isFinite(retryAfter) ? Math.min(retryAfter * 1000, 60_000) : Math.min(2 ** attempt * 250, 10_000);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}

/** Proactive messages through the conversation references stored when users write to or install the bot. */
export class ProactiveNotifier implements Notifier {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botId: string,
    private readonly conversations: ConversationRepository,
  ) {}

  async sendToUser(associationId: string, aadObjectId: string, reply: Reply): Promise<PostedCard | undefined> {
    const entry = await this.conversations.get(associationId, aadObjectId);
    if (!entry) return undefined;
    let activityId: string | undefined;
    await this.adapter.continueConversationAsync(this.botId, entry.reference as Partial<ConversationReference>, async (context: TurnContext) => {
      activityId = (await retryWhenThrottled(() => context.sendActivity(replyActivity(reply))))?.id;
    });
    return activityId ? { aadObjectId, activityId } : undefined;
  }

  async updateCard(associationId: string, posted: PostedCard, reply: Reply): Promise<void> {
    const entry = await this.conversations.get(associationId, posted.aadObjectId);
    if (!entry) return;
    await this.adapter.continueConversationAsync(this.botId, entry.reference as Partial<ConversationReference>, async (context: TurnContext) => {
      await context.updateActivity({ type: 'message', id: posted.activityId, attachments: [cardAttachment(reply)] });
    });
  }
}
