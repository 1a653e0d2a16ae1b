import { HandlerDependencies } from '../ports/dependencies';
import { Application } from '../domain/applications';
import { mapBounded } from '../jobs/background';
import { finishApplicationDecision } from './decideApplication';
import { notifyKansli } from './submitApplication';

/** Finishes what a crash or an outage left half-done: a submitted ansökan the kansli never heard of, a decision without its effects. */
export async function repairUnfinishedApplications(
  deps: HandlerDependencies,
  onError: (a: Application, err: unknown) => void,
  options: { busy?: (changedAt: string) => boolean; parallel?: number } = {},
): Promise<{ finished: number; failed: number }> {
  // A case changed a moment ago may be in the hands of the request that is submitting or deciding it.
  const unfinished = (await deps.repos.applications.listUnfinished()).filter((a) => !options.busy?.(a.decision?.decidedAt ?? a.submittedAt ?? a.updatedAt));
  let finished = 0;
  let failed = 0;
  await mapBounded(unfinished, options.parallel ?? 4, async (found) => {
    try {
      if (found.kansliNotified === false) await notifyKansli(deps, found);
      if (found.decisionFinished === false) await finishApplicationDecision(deps, found);
      finished += 1;
    } catch (err) {
      failed += 1;
      onError(found, err);
    }
  });
  return { finished, failed };
}
