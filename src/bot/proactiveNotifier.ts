import { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { Reply } from '../cards/viewModels';
import { ConversationRepository, Notifier } from '../deviations/ports';
import { PostedCard } from '../domain/deviations';
import { cardAttachment, replyActivity } from './activities';

/** Proactive messages through the conversation references stored when users write to or install the bot. */
export class ProactiveNotifier implements Notifier {
  constructor(private readonly adapter: CloudAdapter, private readonly botId: string, private readonly conversations: ConversationRepository) {}

  async sendToUser(associationId: string, aadObjectId: string, reply: Reply): Promise<PostedCard | undefined> {
    const entry = await this.conversations.get(associationId, aadObjectId);
    if (!entry) return undefined;
    let activityId: string | undefined;
    await this.adapter.continueConversationAsync(this.botId, entry.reference as Partial<ConversationReference>, async (context: TurnContext) => {
      activityId = (await context.sendActivity(replyActivity(reply)))?.id;
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
