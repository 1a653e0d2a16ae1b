import { Activity, CloudAdapter, ConfigurationBotFrameworkAuthentication, TurnContext } from 'botbuilder';
import { AuthenticateRequestResult, AuthenticationError } from 'botframework-connector';
import { AppConfig } from '../config';
import { replyActivity } from './activities';
import { Logger, errorReply } from './errorReply';
import { MetadataUnavailableError, installResilientOpenIdMetadata } from './openIdMetadata';

/** What the adapter answers when the signing keys cannot be had; the HTTP edge turns it into 503. */
export { METADATA_UNAVAILABLE } from './openIdMetadata';
import { METADATA_UNAVAILABLE } from './openIdMetadata';

/**
 * Every way a token can fail (a bad signature escapes the SDK as a JsonWebTokenError, an
 * emulator token without its metadata URL as a TypeError) is one 401 that names no reason;
 * the reason goes to the log. Unreachable signing keys are not the caller's fault: 503.
 */
class StrictBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    config: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[0],
    private readonly logger: Logger,
  ) {
    super(config);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (err) {
      if (err instanceof MetadataUnavailableError) {
        this.logger.error({ message: 'token not checked: signing keys unavailable', error: err.message });
        throw new Error(METADATA_UNAVAILABLE, { cause: err });
      }
      this.logger.info({ message: 'token refused', reason: String((err as Error)?.message ?? err).slice(0, 300) });
      throw new AuthenticationError('Unauthorized', 401);
    }
  }
}

/**
 * CloudAdapter with Bot Framework authentication. With BOT_ID set every request
 * must carry a valid token; with it empty the adapter accepts anonymous requests
 * (local mode only).
 */
export function createAdapter(config: AppConfig, logger: Logger): CloudAdapter {
  installResilientOpenIdMetadata();
  const auth = new StrictBotFrameworkAuthentication(
    {
      MicrosoftAppId: config.botId,
      MicrosoftAppPassword: config.botPassword,
      MicrosoftAppType: config.botType,
      MicrosoftAppTenantId: config.botTenantId,
      // A key server of one's own (tests) stands for every Microsoft key service; without the emulator's URL, an emulator-issued token would fail inside the SDK.
      ...(config.botOpenIdMetadataUrl
        ? {
            ToBotFromChannelOpenIdMetadataUrl: config.botOpenIdMetadataUrl,
            ToBotFromEmulatorOpenIdMetadataUrl: config.botOpenIdMetadataUrl,
            ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
          }
        : {}),
    },
    logger,
  );
  const adapter = new CloudAdapter(auth);
  // Last resort for failures outside the handlers (they catch their own).
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const reply = errorReply(error, logger, { where: 'onTurnError', conversation: context.activity?.conversation?.id });
    if (context.activity?.type === 'message') await context.sendActivity(replyActivity(reply)).catch(() => undefined);
  };
  return adapter;
}
