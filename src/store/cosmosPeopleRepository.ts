import { Container } from '@azure/cosmos';
import { createHash } from 'crypto';
import { Association, PermissionChange, Person, Roster, RosterChangeResult, describeAccess, isInvitation } from '../domain/people';
import { PeopleRepository } from '../ports/peopleRepository';
import { SavedNotFinishedError } from '../errors';
import { StoredDocument, assertNoPersonalData, isStatus, readDocument, updateWithRetry } from './documents';

type RosterDocument = StoredDocument<'roster'> & { readonly roster: Roster; readonly lastChange?: PermissionChange };
type ChangeDocument = StoredDocument<'permissionChange'> & { readonly change: PermissionChange };
/**
 * A person's entry in the directory: their förbund and a copy of their access as of a roster
 * version, so that placing a message costs one read. Written after the roster, newer version wins.
 */
type MemberDocument = StoredDocument<'member'> & { readonly memberOf: string; readonly version: number; readonly person?: Person };
type AssociationDocument = StoredDocument<'association'> & { readonly association: Association };
/** Which förbund have people invited by e-mail who have not written yet (hashes, no addresses): strangers are only looked up in Teams when some are. */
type TeamDocument = StoredDocument<'boardTeam'> & { readonly memberOf: string };
type OfferDocument = StoredDocument<'boardOffer'> & { readonly aadObjectId: string; readonly offeredAt: string };
// Teams ids hold characters a Cosmos id had better not: the hash names them.
const teamId = (id: string) => `team-${hashOf(id)}`;
type InvitationsDocument = StoredDocument<'invitations'> & { readonly byAssociation: Readonly<Record<string, readonly string[]>> };
const INVITATIONS_ID = 'invitations';
const hashOf = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 40);

/** The partition of the deployment-wide directory (förbund ids are slugs, so it names none of them). */
const DIRECTORY = '_directory';
const ROSTER_ID = 'roster';
const changeId = (version: number) => `change-${String(version).padStart(8, '0')}`;
// An invitation's key holds an e-mail address: the directory keeps only its hash.
const memberId = (key: string) => (isInvitation(key) ? `member-invite-${hashOf(key)}` : `member-${key}`);
const associationId = (id: string) => `association-${id}`;

/**
 * A change is one write of the roster (ETag), which also carries the change's audit entry;
 * the audit document and the directory entry follow it, and are written again by the next
 * change, so a process that dies in between loses neither.
 */
export class CosmosPeopleRepository implements PeopleRepository {
  /** Förbund whose last change this process could not settle: retried by the background repair (a restart settles every förbund). */
  private readonly unsettled = new Set<string>();

  constructor(private readonly container: Container) {}

  async getRoster(associationId: string): Promise<Roster | undefined> {
    return (await readDocument<RosterDocument>(this.container, ROSTER_ID, associationId))?.roster;
  }

  async createRosterIfAbsent(roster: Roster): Promise<boolean> {
    const doc: RosterDocument = { id: ROSTER_ID, associationId: roster.associationId, type: 'roster', roster };
    if (!(await this.createIfAbsent(doc))) return false;
    await Promise.all(roster.people.map((p) => this.pointAt(p.aadObjectId, roster)));
    return true;
  }

  /** Creates a document unless one with its id exists: false then (a second start, a retry). */
  private async createIfAbsent(doc: StoredDocument<string>): Promise<boolean> {
    assertNoPersonalData(doc);
    try {
      await this.container.items.create(doc);
      return true;
    } catch (err) {
      if (isStatus(err, 409)) return false;
      throw err;
    }
  }

  /** The `field` of every document of one type in one partition. */
  private async valuesOf<T>(partition: string, type: string, field: 'change' | 'association'): Promise<T[]> {
    const { resources } = await this.container.items
      .query<T>(
        {
          query: `SELECT VALUE c.${field} FROM c WHERE c.associationId = @a AND c.type = @t`,
          parameters: [
            { name: '@a', value: partition },
            { name: '@t', value: type },
          ],
        },
        { partitionKey: partition },
      )
      .fetchAll();
    return resources;
  }

  async changeRoster(
    associationId: string,
    change: (current: Roster) => RosterChangeResult,
    by: { readonly id: string; readonly name: string },
  ): Promise<RosterChangeResult> {
    let result: RosterChangeResult | undefined;
    let previous: RosterDocument | undefined;
    const doc = await updateWithRetry<RosterDocument>(this.container, ROSTER_ID, associationId, (current) => {
      previous = current;
      const roster = current?.roster ?? { associationId, people: [], version: 0 };
      result = change(roster);
      const personId = result.after?.aadObjectId ?? result.before?.aadObjectId ?? '';
      const lastChange: PermissionChange = {
        associationId,
        version: result.roster.version,
        at: new Date().toISOString(),
        byId: by.id,
        byName: by.name,
        personId,
        personName: result.after?.name ?? result.before?.name ?? '',
        ...(result.before ? { before: describeAccess(result.before) } : {}),
        ...(result.after ? { after: describeAccess(result.after) } : {}),
      };
      return { id: ROSTER_ID, associationId, type: 'roster', roster: result.roster, lastChange };
    });
    try {
      if (previous?.lastChange) await this.settle(previous.lastChange, previous.roster);
      if (doc.lastChange) await this.settle(doc.lastChange, doc.roster);
    } catch (err) {
      // The change stands; until its copies are written the person's access is the old one, so say so, and finish it soon.
      this.unsettled.add(associationId);
      throw new SavedNotFinishedError(
        'Ändringen är sparad i förbundets användarlista, men lagringen svarade inte när den skulle gälla överallt. Jag gör klart det av mig själv inom någon minut; du behöver inte spara igen.',
        `roster change ${doc.roster.version} of ${associationId} not settled: ${(err as Error)?.message}`,
        [{ title: 'Visa användarna', question: 'användare' }],
      );
    }
    return result as RosterChangeResult;
  }

  /** Finishes the changes whose copies could not be written (see changeRoster); returns how many förbund were settled. */
  async settleUnfinished(): Promise<number> {
    let settled = 0;
    for (const associationId of [...this.unsettled]) {
      await this.settleLastChange(associationId);
      this.unsettled.delete(associationId);
      settled += 1;
    }
    return settled;
  }

  /** Writes what follows a change: its audit entry and the person's directory entry (both idempotent). */
  private async settle(change: PermissionChange, roster: Roster): Promise<void> {
    const audit: ChangeDocument = { id: changeId(change.version), associationId: change.associationId, type: 'permissionChange', change };
    await this.container.items.upsert(audit);
    await this.pointAt(change.personId, roster);
    await this.noteInvitations(roster);
  }

  private async noteInvitations(roster: Roster): Promise<void> {
    const hashes = roster.people.filter((p) => isInvitation(p.aadObjectId)).map((p) => hashOf(p.aadObjectId));
    await updateWithRetry<InvitationsDocument>(this.container, INVITATIONS_ID, DIRECTORY, (current) => {
      const before = current?.byAssociation[roster.associationId] ?? [];
      if (current && before.join() === hashes.join()) return current;
      return {
        id: INVITATIONS_ID,
        associationId: DIRECTORY,
        type: 'invitations',
        byAssociation: { ...(current?.byAssociation ?? {}), [roster.associationId]: hashes },
      };
    });
  }

  async hasPendingInvitations(): Promise<boolean> {
    const doc = await readDocument<InvitationsDocument>(this.container, INVITATIONS_ID, DIRECTORY);
    return Object.values(doc?.byAssociation ?? {}).some((h) => h.length > 0);
  }

  /** Copies the person's access at this roster version into their directory entry; an entry from a later version is kept. */
  private async pointAt(key: string, roster: Roster): Promise<void> {
    const person = roster.people.find((p) => p.aadObjectId === key);
    await updateWithRetry<MemberDocument>(this.container, memberId(key), DIRECTORY, (current) => {
      if (current && current.version >= roster.version && current.memberOf === roster.associationId) return current;
      // A removed person keeps a bare entry (no access); one now in another förbund is left to that förbund.
      if (!person && current && current.memberOf !== roster.associationId) return current;
      return {
        id: memberId(key),
        associationId: DIRECTORY,
        type: 'member',
        memberOf: roster.associationId,
        version: roster.version,
        ...(person ? { person } : {}),
      };
    });
  }

  async findMember(aadObjectId: string): Promise<{ readonly associationId: string; readonly person?: Person } | undefined> {
    const doc = await readDocument<MemberDocument>(this.container, memberId(aadObjectId), DIRECTORY);
    return doc ? { associationId: doc.memberOf, ...(doc.person ? { person: doc.person } : {}) } : undefined;
  }

  /** Finishes what a change left undone when its writer died: its audit entry and directory entry. */
  async settleLastChange(associationId: string): Promise<void> {
    const doc = await readDocument<RosterDocument>(this.container, ROSTER_ID, associationId);
    if (doc?.lastChange) await this.settle(doc.lastChange, doc.roster);
  }

  async listChanges(associationId: string, limit: number): Promise<readonly PermissionChange[]> {
    // The newest change may not have its own document yet (the writer died before it).
    const roster = await readDocument<RosterDocument>(this.container, ROSTER_ID, associationId);
    if (roster?.lastChange) await this.settle(roster.lastChange, roster.roster);
    // Sorted here: the embedded server's ORDER BY with OFFSET/LIMIT is not Azure's; a förbund makes a few changes a month.
    const changes = await this.valuesOf<PermissionChange>(associationId, 'permissionChange', 'change');
    return changes.sort((a, b) => b.version - a.version).slice(0, limit);
  }

  async setBoardTeam(associationId: string, team: string): Promise<void> {
    const doc: TeamDocument = { id: teamId(team), associationId: DIRECTORY, type: 'boardTeam', memberOf: associationId };
    await this.container.items.upsert(doc);
  }

  async findBoardTeam(team: string): Promise<string | undefined> {
    return (await readDocument<TeamDocument>(this.container, teamId(team), DIRECTORY))?.memberOf;
  }

  async claimBoardOffer(associationId: string, aadObjectId: string): Promise<boolean> {
    const doc: OfferDocument = { id: `offer-${aadObjectId}`, associationId, type: 'boardOffer', aadObjectId, offeredAt: new Date().toISOString() };
    return this.createIfAbsent(doc);
  }

  async saveAssociation(association: Association): Promise<boolean> {
    const doc: AssociationDocument = { id: associationId(association.id), associationId: DIRECTORY, type: 'association', association };
    return this.createIfAbsent(doc);
  }

  async getAssociation(id: string): Promise<Association | undefined> {
    return (await readDocument<AssociationDocument>(this.container, associationId(id), DIRECTORY))?.association;
  }

  async listAssociations(): Promise<readonly Association[]> {
    const associations = await this.valuesOf<Association>(DIRECTORY, 'association', 'association');
    return associations.sort((a, b) => a.id.localeCompare(b.id));
  }
}
