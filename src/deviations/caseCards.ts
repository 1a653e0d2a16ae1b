import { Deviation } from '../domain/deviations';
import { Reply } from '../cards/viewModels';
import { HandlerDependencies } from '../commands/types';
import { DECIDER_ROLES, UserIdentity, canDecideOnDelegation } from '../roles/roleDirectory';
import { deviationCaseReply } from './deviationViews';
import { currentLedger, effectFacts } from './ledgerFacts';

/** Teams ids of the deciders the bot has met; their clients fetch their own view through refresh. */
export async function deciderTeamsIds(deps: HandlerDependencies, associationId: string): Promise<string[]> {
  const deciders = deps.directory.withRole(associationId, DECIDER_ROLES);
  const entries = await Promise.all(deciders.map((u) => (u.aadObjectId ? deps.repos.conversations.get(associationId, u.aadObjectId) : undefined)));
  return entries.flatMap((e) => (e ? [e.teamsUserId] : []));
}

/**
 * The card everyone may see: read-only, with a refresh that gives each decider
 * the view with the decision buttons.
 */
export async function sharedCaseCard(deps: HandlerDependencies, d: Deviation, notes: readonly string[] = []): Promise<Reply> {
  const [ledger, refreshUserIds] = await Promise.all([currentLedger(deps.repos, d.associationId), d.status === 'inlämnad' ? deciderTeamsIds(deps, d.associationId) : Promise.resolve([])]);
  return deviationCaseReply(d, { canDecide: false, canOpen: d.status === 'inlämnad', refreshUserIds, effects: effectFacts(d, ledger, deps.today()), notes });
}

/** The view for one user: the decision inputs for a decider while the avvikelse is open, read-only for everyone else. */
export async function caseCardFor(deps: HandlerDependencies, d: Deviation, viewer: UserIdentity, notes: readonly string[] = []): Promise<Reply> {
  const decider = canDecideOnDelegation(viewer);
  const [ledger, refreshUserIds] = await Promise.all([currentLedger(deps.repos, d.associationId), d.status === 'inlämnad' ? deciderTeamsIds(deps, d.associationId) : Promise.resolve([])]);
  const extra = !decider && d.status === 'inlämnad' && viewer.aadObjectId !== d.filedBy.aadObjectId ? ['Endast förbundschefen eller ersättaren kan besluta om avvikelsen.'] : [];
  const isFiler = viewer.aadObjectId !== undefined && viewer.aadObjectId === d.filedBy.aadObjectId;
  return deviationCaseReply(d, { canDecide: decider, canOpen: false, canWithdraw: isFiler, refreshUserIds, effects: effectFacts(d, ledger, deps.today()), notes: [...notes, ...extra] });
}
