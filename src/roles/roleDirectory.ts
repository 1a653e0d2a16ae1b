import { ROLES, Role } from '../domain/people';

export { ROLES };
export type { Role };

export interface UserIdentity {
  readonly aadObjectId?: string;
  readonly name: string;
  readonly associationId: string;
  readonly roles: readonly Role[];
  /** Initiative ids an insatsansvarig answers for. */
  readonly initiatives: readonly string[];
  /** An ersättare's period; outside it `roles` lacks ersattare and they are told who decides. */
  readonly deputyPeriod?: { readonly from: string; readonly to: string };
}

/** Who is who, read from the store at each turn (another instance may have changed it a moment ago). */
export interface RoleDirectory {
  lookup(aadObjectId: string | undefined, displayName?: string): Promise<UserIdentity>;
  /** The users of a förbund who hold any of the roles today. */
  withRole(associationId: string, roles: readonly Role[]): Promise<readonly UserIdentity[]>;
  /** Every förbund the deployment serves. */
  associations(): Promise<readonly string[]>;
}

export const hasRole = (user: UserIdentity, ...roles: Role[]) => user.roles.some((r) => roles.includes(r));

/** Who may decide on delegation: the förbundschef and the named deputy. */
export const DECIDER_ROLES: readonly Role[] = ['forbundschef', 'ersattare'];
export const canDecideOnDelegation = (user: UserIdentity) => hasRole(user, ...DECIDER_ROLES);

export function titleOf(user: UserIdentity): string {
  if (hasRole(user, 'forbundschef')) return 'förbundschef';
  if (hasRole(user, 'ersattare')) return 'ersättare för förbundschefen';
  return '';
}

interface RolesFile {
  associations?: { id: string; name: string }[];
  users: { aadObjectId: string; name: string; association: string; roles: string[]; initiatives?: string[]; deputyPeriod?: { from: string; to: string } }[];
}

/** Parses the roles file; a broken file stops the start with a message naming the problem. */
export function parseRoles(json: unknown, source: string): Map<string, UserIdentity> {
  const file = json as Partial<RolesFile>;
  if (!file || !Array.isArray(file.users)) throw new Error(`${source}: "users" ska vara en lista`);
  const users = new Map<string, UserIdentity>();
  file.users.forEach((u, i) => {
    const where = `${source}: users[${i}]`;
    if (!u || typeof u.aadObjectId !== 'string' || u.aadObjectId === '') throw new Error(`${where}: "aadObjectId" saknas`);
    if (typeof u.association !== 'string' || !/^[a-z0-9-]{2,40}$/.test(u.association))
      throw new Error(`${where}: "association" ska vara ett förbunds-id som "uppsala"`);
    if (!Array.isArray(u.roles)) throw new Error(`${where}: "roles" ska vara en lista`);
    const unknown = u.roles.filter((r) => !(ROLES as readonly string[]).includes(r));
    if (unknown.length > 0) throw new Error(`${where}: okänd roll ${unknown.join(', ')} (giltiga: ${ROLES.join(', ')})`);
    if (users.has(u.aadObjectId)) throw new Error(`${where}: användaren ${u.aadObjectId} finns redan`);
    users.set(u.aadObjectId, {
      aadObjectId: u.aadObjectId,
      name: u.name ?? '',
      associationId: u.association,
      roles: u.roles as Role[],
      initiatives: u.initiatives ?? [],
      ...(u.deputyPeriod ? { deputyPeriod: u.deputyPeriod } : {}),
    });
  });
  return users;
}
