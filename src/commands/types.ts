import { Reply } from '../cards/viewModels';
import { HandlerDependencies } from '../ports/dependencies';
import { UserIdentity } from '../roles/roleDirectory';
import { ExportRequest } from '../ports/documents';
import { IncomingFile } from '../importer/importFromChat';

export type { HandlerDependencies };

export interface CommandInput {
  /** The message text with any @-mention of the bot removed. */
  readonly text: string;
  readonly user: UserIdentity;
  /** The conversation the message came from: follow-up questions continue it. */
  readonly conversationId?: string;
  /** Whether the message came from the user's personal chat with the bot (not a channel or group chat). */
  readonly personal?: boolean;
  /** Files attached to the message (Teams sends them in the personal chat only). */
  readonly files?: readonly IncomingFile[];
  /** The Teams team the message was written in (a channel message), if any. */
  readonly teamId?: string;
  /** Hands over work the reply need not wait for (the reading kept for follow-ups); the turn still ends only once it is done. */
  readonly finishing?: (work: Promise<void>) => void;
}

export interface CommandHandler {
  readonly name: string;
  matches(text: string): boolean;
  handle(input: CommandInput, deps: HandlerDependencies): Promise<Reply[]>;
}

export interface CardActionInput {
  readonly verb: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly user: UserIdentity;
  readonly conversationId?: string;
  /** The message that holds the clicked card, when it sits in the user's personal chat (so it can be updated later). */
  readonly personalCardId?: string;
  /** Whether the card sits in the user's personal chat with the bot. */
  readonly personal?: boolean;
  /** What the edge found wrong with a form's fields (a text cut to its limit); the form comes back with these. */
  readonly problems?: readonly string[];
  /** Sends a short message to the conversation while the action is still working. */
  readonly progress?: (text: string) => Promise<void>;
}

export interface CardActionResult {
  /** Messages to send to the conversation. */
  readonly replies: readonly Reply[];
  /** The card that replaces the one clicked; undefined keeps it as it is. */
  readonly updatedCard?: Reply;
  /** Files offered in the personal chat (Teams asks the user where to save them, then the bot uploads). */
  readonly fileOffers?: readonly FileOffer[];
}

/** A file the bot offers; `request` comes back when the user accepts, and the file is built again from it. */
export interface FileOffer {
  readonly name: string;
  readonly sizeInBytes: number;
  readonly description: string;
  readonly request: ExportRequest;
}

export interface CardActionHandler {
  readonly verb: string;
  handle(input: CardActionInput, deps: HandlerDependencies): Promise<CardActionResult>;
}
