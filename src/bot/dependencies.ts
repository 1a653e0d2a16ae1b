import { todayInStockholm } from '../clock';
import { HandlerDependencies } from '../commands/types';
import { AppConfig } from '../config';
import { RoleDirectory } from '../roles/roleDirectory';
import { CosmosStore } from '../store/cosmosStore';
import { Notifier } from '../ports/caseRepositories';
import { cosmosRepositories } from '../store/repositories';

/** What every handler and job gets: the repositories, the clock, the roles and a way to reach users. */
export function createDependencies(
  config: AppConfig,
  store: CosmosStore,
  notifier: Notifier,
  roles: RoleDirectory,
  afterTurn: HandlerDependencies['afterTurn'] = (_label, task) => void task().catch(() => undefined),
): HandlerDependencies {
  const repos = cosmosRepositories(store);
  return {
    repos,
    today: () => config.clockDate ?? todayInStockholm(),
    now: () => new Date(),
    directory: roles,
    notifier,
    delegationLimitKr: config.delegationLimitKr,
    afterTurn,
  };
}
