import { Deviation } from '../domain/deviations';
import { AdjustedSnapshot } from '../finance/ledgerAdjustments';
import { Reply } from '../cards/viewModels';
import { HandlerDependencies } from '../ports/dependencies';
import { DECIDER_ROLES, UserIdentity, canDecideOnDelegation } from '../roles/roleDirectory';
import { deviationCaseReply } from './deviationViews';
import { currentLedger, effectFacts } from './ledgerFacts';

/** What every avvikelse card of a förbund needs, read once per request however many cards it renders. */
export interface CardContext {
  readonly today: string;
  readonly ledger?: AdjustedSnapshot;
  /** Teams ids of the deciders the bot has met; their clients fetch their own view through refresh. */
  readonly deciderTeamsIds: readonly string[];
}

export async function loadCardContext(deps: HandlerDependencies, associationId: string): Promise<CardContext> {
  const deciders = await deps.directory.withRole(associationId, DECIDER_ROLES);
  const [ledger, entries] = await Promise.all([
    currentLedger(deps.repos, associationId),
    Promise.all(deciders.map((u) => (u.aadObjectId ? deps.repos.conversations.get(associationId, u.aadObjectId) : undefined))),
  ]);
  return { today: deps.today(), ledger, deciderTeamsIds: entries.flatMap((e) => (e ? [e.teamsUserId] : [])) };
}

const refreshFor = (ctx: CardContext, d: Deviation) => (d.status === 'inlämnad' ? ctx.deciderTeamsIds : []);

/** The card everyone may see: read-only, with a refresh that gives each decider the view with the decision buttons. */
export function sharedCaseCard(ctx: CardContext, d: Deviation, notes: readonly string[] = []): Reply {
  return deviationCaseReply(d, { canDecide: false, canOpen: true, refreshUserIds: refreshFor(ctx, d), effects: effectFacts(d, ctx.ledger, ctx.today), notes });
}

/** The view for one user: decision inputs for a decider while the avvikelse is open, "Återkalla" for its filer, read-only otherwise. */
export function caseCardFor(ctx: CardContext, d: Deviation, viewer: UserIdentity, notes: readonly string[] = [], confirmWithdraw = false): Reply {
  const decider = canDecideOnDelegation(viewer);
  const isFiler = viewer.aadObjectId !== undefined && viewer.aadObjectId === d.filedBy.aadObjectId;
  const extra = !decider && !isFiler && d.status === 'inlämnad' ? ['Endast förbundschefen eller ersättaren kan besluta om avvikelsen.'] : [];
  return deviationCaseReply(d, {
    canDecide: decider,
    canOpen: false,
    canWithdraw: isFiler,
    confirmWithdraw,
    refreshUserIds: refreshFor(ctx, d),
    effects: effectFacts(d, ctx.ledger, ctx.today),
    notes: [...notes, ...extra],
  });
}
