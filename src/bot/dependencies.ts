import { CloudAdapter } from 'botbuilder';
import { ProactiveNotifier } from './proactiveNotifier';
import { todayInStockholm } from '../clock';
import { HandlerDependencies } from '../commands/types';
import { AppConfig } from '../config';
import { RoleDirectory } from '../roles/roleDirectory';
import { CosmosStore } from '../store/cosmosStore';
import { cosmosRepositories } from '../store/repositories';

/** The Bot Framework edge composes what every handler and job gets: the repositories, the clock, the roles and a way to reach users. */
export function createDependencies(config: AppConfig, store: CosmosStore, adapter: CloudAdapter, roles: RoleDirectory): HandlerDependencies {
  const repos = cosmosRepositories(store);
  return {
    repos,
    today: () => config.clockDate ?? todayInStockholm(),
    now: () => new Date(),
    directory: roles,
    notifier: new ProactiveNotifier(adapter, config.botId, repos.conversations),
    delegationLimitKr: config.delegationLimitKr,
  };
}
