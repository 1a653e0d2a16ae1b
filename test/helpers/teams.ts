import { randomUUID } from 'crypto';

export interface TeamsUser {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
}

export const BOT = { id: '28:finsam-bot', name: 'Finsam' };

/** A Teams-shaped message activity, personal chat unless a channel is given. */
export function teamsMessage(
  serviceUrl: string,
  user: TeamsUser,
  text: string,
  options: { conversationId?: string; channel?: boolean; mention?: boolean } = {},
) {
  const conversationId = options.conversationId ?? `a:${randomUUID()}`;
  const mentionText = `<at>${BOT.name}</at>`;
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: user,
    recipient: BOT,
    conversation: options.channel
      ? { id: `19:${conversationId}@thread.tacv2;messageid=1`, conversationType: 'channel', isGroup: true, tenantId: 'tenant' }
      : { id: conversationId, conversationType: 'personal', tenantId: 'tenant' },
    text: options.mention ? `${mentionText} ${text}` : text,
    textFormat: 'plain',
    entities: options.mention ? [{ type: 'mention', text: mentionText, mentioned: BOT }] : [],
    channelData: { tenant: { id: 'tenant' }, ...(options.channel ? { channel: { id: '19:general@thread.tacv2' }, team: { id: '19:team@thread.tacv2' } } : {}) },
    locale: 'sv-SE',
  };
}

/** An Action.Execute click; `replyToId` is the message holding the card, as Teams sends it. */
export function adaptiveCardInvoke(
  serviceUrl: string,
  user: TeamsUser,
  verb: string,
  data: Record<string, unknown>,
  conversationId = `a:${randomUUID()}`,
  replyToId?: string,
) {
  return {
    type: 'invoke',
    ...(replyToId ? { replyToId } : {}),
    name: 'adaptiveCard/action',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    from: user,
    recipient: BOT,
    conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant' },
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    channelData: { tenant: { id: 'tenant' } },
  };
}

/** All TextBlock/FactSet texts of a card, in order, for reading figures the way a person would (no-break spaces and hyphens as plain ones). */
export function cardTexts(card: any): string[] {
  const out: string[] = [];
  const walk = (node: any) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (node.type === 'TextBlock' && typeof node.text === 'string') out.push(node.text);
    if (typeof node.type === 'string' && node.type.startsWith('Action.') && node.title) out.push(node.title);
    if (node.type === 'FactSet') for (const f of node.facts ?? []) out.push(`${f.title}: ${f.value}`);
    for (const key of ['body', 'items', 'columns', 'rows', 'cells', 'actions']) if (node[key]) walk(node[key]);
  };
  walk(card);
  // The cards hold amounts and dates together with no-break characters; tests read them as plain text.
  return out.map((text) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2011/g, '-'));
}
