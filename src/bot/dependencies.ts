import { todayInStockholm } from '../clock';
import { HandlerDependencies } from '../commands/types';
import { AppConfig } from '../config';
import { storedRoleDirectory } from '../roles/storedDirectory';
import { CosmosStore } from '../store/cosmosStore';
import { Notifier } from '../ports/caseRepositories';
import { cosmosRepositories } from '../store/repositories';

/** What every handler and job gets: the repositories, the clock, who is who (from the store) and a way to reach users. */
export function createDependencies(
  config: AppConfig,
  store: CosmosStore,
  notifier: Notifier,
  afterTurn: HandlerDependencies['afterTurn'] = (_label, task) => void task().catch(() => undefined),
): HandlerDependencies {
  const repos = cosmosRepositories(store);
  const today = () => config.clockDate ?? todayInStockholm();
  return {
    repos,
    today,
    now: () => new Date(),
    directory: storedRoleDirectory(repos.people, today, config.defaultAssociation),
    notifier,
    delegationLimitKr: config.delegationLimitKr,
    afterTurn,
  };
}
