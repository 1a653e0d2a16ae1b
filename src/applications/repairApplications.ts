import { HandlerDependencies } from '../commands/types';
import { Application } from '../domain/applications';
import { finishApplicationDecision } from './decideApplication';
import { notifyKansli } from './submitApplication';

/** Finishes what a crash left half-done: a submitted ansökan the kansli never heard of, a decision without its effects. Run at start. */
export async function repairUnfinishedApplications(deps: HandlerDependencies, onError: (a: Application, err: unknown) => void): Promise<number> {
  let repaired = 0;
  for (const found of await deps.repos.applications.listUnfinished()) {
    try {
      if (found.kansliNotified === false) await notifyKansli(deps, found, deps.delegationLimitKr);
      if (found.decisionFinished === false) await finishApplicationDecision(deps, found);
      repaired += 1;
    } catch (err) {
      onError(found, err);
    }
  }
  return repaired;
}
