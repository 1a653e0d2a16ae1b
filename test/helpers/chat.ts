import assert from 'assert/strict';
import { BotUnderTest } from './runningBot';
import { adaptiveCardInvoke, cardTexts, teamsMessage, TeamsUser } from './teams';

/** Each user's personal chat with the bot. */
export const chatOf = (u: TeamsUser) => `a:chat-${u.id}`;
export const texts = (card: any) => cardTexts(card).join('\n');
export const actionsOf = (card: any): string[] => (card.actions ?? []).map((a: any) => a.title);

/** Ids of every input in a card, in order. */
export function inputIds(card: any): string[] {
  const ids: string[] = [];
  const walk = (n: any) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    if (typeof n.type === 'string' && n.type.startsWith('Input.')) ids.push(n.id);
    for (const k of ['body', 'items', 'columns']) if (n[k]) walk(n[k]);
  };
  walk(card.body);
  return ids;
}

/** Talking to the bot over real HTTP as Teams would: messages in personal chats and card clicks. */
export function chat(getBot: () => BotUnderTest) {
  return {
    /** Sends a message in the user's personal chat; returns the cards the bot sent back. */
    async say(u: TeamsUser, text: string): Promise<any[]> {
      const bot = getBot();
      const activity = teamsMessage(bot.connector.url, u, text, { conversationId: chatOf(u) });
      const before = bot.connector.for(chatOf(u)).length;
      const res = await bot.post(activity);
      assert.equal(res.status, 200);
      return bot.connector
        .for(chatOf(u))
        .slice(before)
        .map((a) => a.attachments[0].content);
    },
    /** Sends a message in a team channel, @-mentioning the bot; returns the cards the bot sent back there. */
    async sayInChannel(u: TeamsUser, text: string, conversationId: string): Promise<any[]> {
      const bot = getBot();
      const activity = teamsMessage(bot.connector.url, u, text, { channel: true, mention: true, conversationId });
      const before = bot.connector.for(activity.conversation.id).length;
      assert.equal((await bot.post(activity)).status, 200);
      return bot.connector
        .for(activity.conversation.id)
        .slice(before)
        .map((a) => a.attachments[0].content);
    },
    /** Clicks an Action.Execute button that answers with new cards in the chat (the clicked one stays); returns them. */
    async invokeForReplies(u: TeamsUser, verb: string, data: Record<string, unknown>): Promise<any[]> {
      const bot = getBot();
      const before = bot.connector.for(chatOf(u)).length;
      const res = await bot.post(adaptiveCardInvoke(bot.connector.url, u, verb, data, chatOf(u)));
      assert.equal(res.status, 200);
      assert.equal(res.body.statusCode, 200);
      return bot.connector
        .for(chatOf(u))
        .slice(before)
        .map((a) => a.attachments[0].content);
    },
    /** Clicks an Action.Execute button; returns the card that replaces the clicked one. */
    async invoke(u: TeamsUser, verb: string, data: Record<string, unknown>, cardId?: string): Promise<any> {
      const bot = getBot();
      const res = await bot.post(adaptiveCardInvoke(bot.connector.url, u, verb, data, chatOf(u), cardId));
      assert.equal(res.status, 200);
      assert.equal(res.body.statusCode, 200);
      assert.equal(res.body.type, 'application/vnd.microsoft.card.adaptive');
      return res.body.value;
    },
  };
}
