import { Activity, ActivityTypes, Attachment } from 'botbuilder';
import { ADAPTIVE_CARD_CONTENT_TYPE, renderCard } from '../cards/renderCard';
import { Reply } from '../cards/viewModels';

export function cardAttachment(reply: Reply): Attachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: renderCard(reply.card, reply.text) };
}

/** A message with the card; the plain text goes into the card's fallbackText and the notification summary. */
export function replyActivity(reply: Reply): Partial<Activity> {
  return { type: ActivityTypes.Message, summary: reply.text.split('\n')[0], attachments: [cardAttachment(reply)] };
}
