import { readFileSync } from 'fs';
import { Person, Roster, rolesOn } from '../domain/people';
import { PeopleRepository } from '../ports/peopleRepository';
import { RoleDirectory, UserIdentity, parseRoles } from './roleDirectory';

/**
 * The directory over the store: the roster of the user's förbund is read at each turn,
 * so a change made in chat counts at once on every instance. An ersättare holds the role
 * only within their period.
 */
export function storedRoleDirectory(people: PeopleRepository, today: () => string, defaultAssociation: string): RoleDirectory {
  const identity = (associationId: string, p: Person): UserIdentity => ({
    aadObjectId: p.aadObjectId,
    name: p.name,
    associationId,
    roles: rolesOn(p, today()),
    initiatives: p.initiatives,
    ...(p.deputyPeriod ? { deputyPeriod: p.deputyPeriod } : {}),
  });
  return {
    async lookup(aadObjectId, displayName) {
      const stranger: UserIdentity = { aadObjectId, name: displayName ?? '', associationId: defaultAssociation, roles: [], initiatives: [] };
      if (!aadObjectId) return stranger;
      const member = await people.findMember(aadObjectId);
      return member?.person ? identity(member.associationId, member.person) : stranger;
    },
    async withRole(associationId, roles) {
      const roster = await people.getRoster(associationId);
      return (roster?.people ?? []).map((p) => identity(associationId, p)).filter((u) => u.roles.some((r) => roles.includes(r)));
    },
    async associations() {
      return (await people.listAssociations()).map((a) => a.id);
    },
  };
}

/**
 * ROLES_FILE seeds the store: a förbund it names that has no roster yet gets one from the
 * file; a förbund that has one keeps it (people changed in chat are never overwritten).
 */
export async function bootstrapRoles(people: PeopleRepository, rolesFile: string | undefined, now: Date): Promise<{ created: string[]; kept: string[] }> {
  const json = (rolesFile ? JSON.parse(readFileSync(rolesFile, 'utf8')) : { users: [] }) as { associations?: { id: string; name: string }[] };
  const users = parseRoles(json, rolesFile ?? 'ROLES_FILE');
  const byAssociation = new Map<string, Person[]>();
  for (const u of users.values()) {
    const list = byAssociation.get(u.associationId) ?? [];
    list.push({
      aadObjectId: u.aadObjectId as string,
      name: u.name,
      roles: u.roles,
      initiatives: u.initiatives,
      ...(u.deputyPeriod ? { deputyPeriod: u.deputyPeriod } : {}),
    });
    byAssociation.set(u.associationId, list);
  }
  const created: string[] = [];
  const kept: string[] = [];
  for (const [associationId, list] of byAssociation) {
    const name = json.associations?.find((a) => a.id === associationId)?.name ?? associationId;
    await people.saveAssociation({ id: associationId, name, createdAt: now.toISOString() });
    const roster: Roster = { associationId, people: list, version: 0 };
    ((await people.createRosterIfAbsent(roster)) ? created : kept).push(associationId);
  }
  // A change whose writer died between the roster and its directory entry is finished before anyone is looked up.
  for (const a of await people.listAssociations()) await people.settleLastChange(a.id);
  return { created, kept };
}
