import { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, FileConsentCardResponse, TeamsActivityHandler, TeamsInfo, TurnContext } from 'botbuilder';
import { resolveCardAction } from '../cardActions';
import { CHAT_TEXT_MAX } from '../cardActions/schemas';
import { InvalidInputError, NOTHING_SAVED, StoreUnavailableError, isStoreRefusal } from '../errors';
import { formatInteger } from '../format/swedish';
import { findCommand } from '../commands';
import { HandlerDependencies } from '../commands/types';
import { helpReply } from '../questions/answers/help';
import { UserIdentity } from '../roles/roleDirectory';
import { claimInvitation } from '../people/managePeople';
import { offerBoardRole } from '../people/boardTeam';
import { cardAttachment, replyActivity } from './activities';
import { ConversationMemory } from './conversationMemory';
import { Logger, errorReply } from './errorReply';
import { trackEvent } from '../telemetry';
import { DOCUMENT_NAME, buildExportFile } from '../exports/exportDocuments';
import { withProgress } from '../exports/withProgress';
import { fileConsentActivity, fileInfoActivity, incomingFiles, parseFileConsent, uploadFile } from './fileConsent';
import { MAX_IMPORT_BYTES } from '../importer/ledgerWorkbookReader';

/** Where a turn keeps the user it looked up, so that one turn reads the store once for it. */
const USER_KEY = Symbol('finsam.user');

/** The Bot Framework edge: turns activities into handler calls and replies into activities. Holds no conversation state. */
export class FinsamBot extends TeamsActivityHandler {
  private readonly memory: ConversationMemory;

  /** `allowLoopbackUploads`: local anonymous mode, where the test connector stands in for OneDrive. */
  constructor(
    private readonly deps: HandlerDependencies,
    private readonly logger: Logger,
    private readonly allowLoopbackUploads = false,
  ) {
    super();
    this.memory = new ConversationMemory(deps.repos.conversations, logger);
    this.onTurn(async (context, next) => {
      await this.memory.remember(context, (await this.userOf(context)).associationId);
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botJoined = (context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient.id);
      if (botJoined)
        await context.sendActivity(
          replyActivity(
            helpReply(
              'Hej! Jag är förbundets ekonomibot. Fråga mig om beslutsutrymme, resultat, förbrukningsgrad och insatser, till exempel:',
              (await this.userOf(context)).roles,
            ),
          ),
        );
      await next();
    });
  }

  /** Who wrote, read from the store once per turn (kept in the turn's own state, never across turns). */
  private userOf(context: TurnContext): Promise<UserIdentity> {
    const known = context.turnState.get(USER_KEY) as Promise<UserIdentity> | undefined;
    if (known) return known;
    const lookup = this.identify(context);
    context.turnState.set(USER_KEY, lookup);
    return lookup;
  }

  /** A stranger may be someone the kansli invited by e-mail: Teams knows their address, and the invitation becomes theirs. */
  private async identify(context: TurnContext): Promise<UserIdentity> {
    const from = context.activity.from;
    const user = await this.deps.directory.lookup(from?.aadObjectId, from?.name);
    if (user.roles.length > 0 || !from?.aadObjectId || !(await this.deps.repos.people.hasPendingInvitations())) return user;
    // The sign-in name, not the mail attribute: a UPN lies in a domain the user's own tenant has verified.
    const email = await TeamsInfo.getMember(context, from.id).then(
      (m) => m.userPrincipalName,
      () => undefined,
    );
    if (email && (await claimInvitation(this.deps, from.aadObjectId, email))) return this.deps.directory.lookup(from.aadObjectId, from.name);
    return user;
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const raw = context.activity.text;
    // Refused before it is read: Teams itself sends nothing this long, and parsing it would hold up everyone.
    if (raw !== undefined && (typeof raw !== 'string' || raw.length > CHAT_TEXT_MAX)) {
      const err = new InvalidInputError(
        `Meddelandet är för långt för mig (högst ${formatInteger(CHAT_TEXT_MAX)} tecken). Ställ en kortare fråga.`,
        `chat text of ${typeof raw === 'string' ? raw.length : typeof raw} refused`,
      );
      await context.sendActivity(replyActivity(errorReply(err, this.logger, { conversation: context.activity.conversation?.id })));
      return;
    }
    const text = (TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '').trim();
    const files = incomingFiles(context.activity.attachments, this.allowLoopbackUploads, MAX_IMPORT_BYTES);
    const command = findCommand(text, files.length > 0);
    const finishing: Promise<void>[] = [];
    try {
      const conversationId = context.activity.conversation?.id;
      const teamId = (context.activity.channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
      const user = await this.userOf(context);
      // Someone without a role writing in the board's team: the kansli is asked about them (after the answer).
      if (typeof teamId === 'string' && user.roles.length === 0)
        this.deps.afterTurn('offer the styrelse role', async () => void (await offerBoardRole(this.deps, teamId, user)));
      const replies = await command.handle(
        {
          text,
          user,
          ...(typeof teamId === 'string' ? { teamId } : {}),
          personal: context.activity.conversation?.conversationType === 'personal',
          ...(conversationId ? { conversationId } : {}),
          ...(files.length > 0 ? { files } : {}),
          // Caught at once: a write that fails while the answer is sent must not be an unhandled rejection.
          finishing: (work) =>
            void finishing.push(
              work.catch((err) =>
                this.logger.error({
                  message: 'work after the answer failed',
                  error: (err as Error)?.message,
                  command: command.name,
                  conversation: context.activity.conversation?.id,
                }),
              ),
            ),
        },
        this.deps,
      );
      await context.sendActivities(replies.map(replyActivity));
    } catch (err) {
      await context.sendActivity(replyActivity(errorReply(err, this.logger, { command: command.name, conversation: context.activity.conversation?.id })));
    } finally {
      // The answer is out; what it handed over (the reading a follow-up needs) is done before the turn ends.
      await Promise.all(finishing);
    }
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const verb = typeof invokeValue.action?.verb === 'string' ? invokeValue.action.verb : '';
    try {
      const { handler, data, problems } = resolveCardAction(verb, invokeValue.action?.data);
      const activity = context.activity;
      const personalCardId = activity.conversation?.conversationType === 'personal' ? activity.replyToId : undefined;
      const conversationId = activity.conversation?.id;
      const progress = async (text: string) => void (await context.sendActivity({ type: 'message', text }));
      const result = await handler.handle(
        {
          verb,
          data,
          problems,
          user: await this.userOf(context),
          personalCardId,
          personal: activity.conversation?.conversationType === 'personal',
          progress,
          ...(conversationId ? { conversationId } : {}),
        },
        this.deps,
      );
      // Decisions, filings and submissions as custom events (nothing is sent without Application Insights).
      trackEvent(verb, { association: (await this.userOf(context)).associationId });
      if (result.replies.length > 0) await context.sendActivities(result.replies.map(replyActivity));
      if (result.fileOffers?.length) await context.sendActivities(result.fileOffers.map(fileConsentActivity));
      if (result.updatedCard) return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: cardAttachment(result.updatedCard).content };
      // Universal Actions: a message response carries a string, which botbuilder's type does not model.
      return messageResponse('OK');
    } catch (err) {
      if (err instanceof StoreUnavailableError || isStoreRefusal(err)) {
        // The card stays as it is, with what was typed; a retry with the same form files once.
        this.logger.error({
          code: 'store_unavailable',
          message: (err as Error)?.message,
          verb: verb.slice(0, 100),
          conversation: context.activity.conversation?.id,
        });
        const message = err instanceof StoreUnavailableError ? err.userMessage : NOTHING_SAVED;
        return messageResponse(message);
      }
      const reply = errorReply(err, this.logger, { verb: verb.slice(0, 100), conversation: context.activity.conversation?.id });
      return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: cardAttachment(reply).content };
    }
  }

  /** The user accepted or declined a file: upload the file built anew from the consent's context, then show it. */
  protected override async handleTeamsFileConsent(context: TurnContext, value: FileConsentCardResponse): Promise<void> {
    try {
      const consent = parseFileConsent(value, this.allowLoopbackUploads);
      if (consent.action === 'decline') {
        await context.sendActivity(
          replyActivity({
            card: {
              template: 'notice',
              view: { title: 'Ingen fil skickad', message: 'Okej, jag skickar inte filen. Skriv "ekonomisk information" när du vill ha den.', actions: [] },
            },
            text: 'Ingen fil skickad.',
          }),
        );
        return;
      }
      const user = await this.userOf(context);
      const file = await withProgress(
        () => buildExportFile(this.deps, user, consent.request),
        async () => void (await context.sendActivity({ type: 'message', text: `Skapar ${DOCUMENT_NAME[consent.request.document]} …` })),
        this.deps.progressAfterMs ?? 1000,
      );
      await uploadFile(consent, file);
      await context.sendActivity(fileInfoActivity(consent));
      trackEvent('fileUploaded', { association: user.associationId, format: consent.request.format });
    } catch (err) {
      await context.sendActivity(replyActivity(errorReply(err, this.logger, { verb: 'fileConsent', conversation: context.activity.conversation?.id })));
    }
  }
}

/** Universal Actions' message response: Teams shows the string; botbuilder types `value` as an object, hence the one cast. */
function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text as unknown as Record<string, unknown> };
}
