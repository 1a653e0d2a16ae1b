import { Association, PermissionChange, Person, Roster, RosterChangeResult } from '../domain/people';

/**
 * The förbund served and their people. The roster of a förbund is the truth about who
 * may do what; a directory maps a Teams user to their förbund so a message is placed
 * with one lookup.
 */
export interface PeopleRepository {
  getRoster(associationId: string): Promise<Roster | undefined>;
  /** Creates the förbund's roster unless it has one; false when it had (a bootstrap never overwrites). */
  createRosterIfAbsent(roster: Roster): Promise<boolean>;
  /**
   * Applies a change to the current roster with optimistic concurrency (retried on a
   * conflicting write) and records it in the audit; `change` may throw to refuse.
   */
  changeRoster(
    associationId: string,
    change: (current: Roster) => RosterChangeResult,
    by: { readonly id: string; readonly name: string },
  ): Promise<RosterChangeResult>;
  /** A Teams user's (or an invitation's) förbund and access, in one read (a copy kept current by every change). */
  findMember(aadObjectId: string): Promise<{ readonly associationId: string; readonly person?: Person } | undefined>;
  /** Finishes the last change's audit and directory entries if its writer died before them (at start). */
  settleLastChange(associationId: string): Promise<void>;
  /** Settles the changes this process saved but could not finish (the store refused the copies); how many förbund. */
  settleUnfinished(): Promise<number>;
  /** Whether anyone, in any förbund, was invited by e-mail and has not written yet. */
  hasPendingInvitations(): Promise<boolean>;
  /** Newest first. */
  listChanges(associationId: string, limit: number): Promise<readonly PermissionChange[]>;
  /** Names the Teams team of a förbund's board; its members who write to the bot are offered the styrelse role. */
  setBoardTeam(associationId: string, teamId: string): Promise<void>;
  findBoardTeam(teamId: string): Promise<string | undefined>;
  /** True the first time only: the kansli is asked about a person once. */
  claimBoardOffer(associationId: string, aadObjectId: string): Promise<boolean>;
  saveAssociation(association: Association): Promise<boolean>;
  getAssociation(id: string): Promise<Association | undefined>;
  listAssociations(): Promise<readonly Association[]>;
}
