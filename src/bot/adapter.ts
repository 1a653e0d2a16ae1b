import { CloudAdapter, ConfigurationBotFrameworkAuthentication, TurnContext } from 'botbuilder';
import { AppConfig } from '../config';
import { replyActivity } from './activities';
import { Logger, errorReply } from './errorReply';

/**
 * CloudAdapter with Bot Framework authentication. With BOT_ID set every request
 * must carry a valid token; with it empty the adapter accepts anonymous requests
 * (local mode only).
 */
export function createAdapter(config: AppConfig, logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.botId,
    MicrosoftAppPassword: config.botPassword,
    MicrosoftAppType: config.botType,
    MicrosoftAppTenantId: config.botTenantId,
  });
  const adapter = new CloudAdapter(auth);
  // Last resort for failures outside the handlers (they catch their own).
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const reply = errorReply(error, logger, { where: 'onTurnError', conversation: context.activity?.conversation?.id });
    if (context.activity?.type === 'message') await context.sendActivity(replyActivity(reply)).catch(() => undefined);
  };
  return adapter;
}
