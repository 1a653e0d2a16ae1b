import { Activity, CloudAdapter, ConfigurationBotFrameworkAuthentication, TurnContext } from 'botbuilder';
import { AuthenticateRequestResult, AuthenticationError } from 'botframework-connector';
import { AppConfig } from '../config';
import { replyActivity } from './activities';
import { Logger, errorReply } from './errorReply';

const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * The SDK lets a token with a bad signature escape as a JsonWebTokenError, which
 * CloudAdapter answers with 500; a forged token is an authentication failure (401).
 */
class StrictBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (err) {
      if (TOKEN_ERRORS.has((err as Error)?.name)) throw new AuthenticationError(`Unauthorized: ${(err as Error).message}`, 401);
      throw err;
    }
  }
}

/**
 * CloudAdapter with Bot Framework authentication. With BOT_ID set every request
 * must carry a valid token; with it empty the adapter accepts anonymous requests
 * (local mode only).
 */
export function createAdapter(config: AppConfig, logger: Logger): CloudAdapter {
  const auth = new StrictBotFrameworkAuthentication({
    MicrosoftAppId: config.botId,
    MicrosoftAppPassword: config.botPassword,
    MicrosoftAppType: config.botType,
    MicrosoftAppTenantId: config.botTenantId,
    ...(config.botOpenIdMetadataUrl ? { ToBotFromChannelOpenIdMetadataUrl: config.botOpenIdMetadataUrl, ToBotFromChannelTokenIssuer: 'https://api.botframework.com' } : {}),
  });
  const adapter = new CloudAdapter(auth);
  // Last resort for failures outside the handlers (they catch their own).
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const reply = errorReply(error, logger, { where: 'onTurnError', conversation: context.activity?.conversation?.id });
    if (context.activity?.type === 'message') await context.sendActivity(replyActivity(reply)).catch(() => undefined);
  };
  return adapter;
}
