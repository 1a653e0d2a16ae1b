import { CloudAdapter } from 'botbuilder';
import { AppConfig } from '../config';
import { HandlerDependencies } from '../commands/types';
import { createAdapter } from './adapter';
import { Logger } from './errorReply';
import { FinsamBot } from './finsamBot';
import { ProactiveNotifier } from './proactiveNotifier';

/** Everything of the Bot Framework the app uses: built once, when the first turn or message needs it. */
export interface BotRuntime {
  readonly adapter: CloudAdapter;
  readonly bot: FinsamBot;
  readonly notifier: ProactiveNotifier;
}

export function createBotRuntime(config: AppConfig, logger: Logger, deps: HandlerDependencies): BotRuntime {
  const adapter = createAdapter(config, logger);
  return { adapter, bot: new FinsamBot(deps, logger, !config.botId), notifier: new ProactiveNotifier(adapter, config.botId, deps.repos.conversations) };
}
