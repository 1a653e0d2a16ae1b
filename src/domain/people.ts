/** ersattare: the deputy who may decide on delegation when the förbundschef cannot. */
export const ROLES = ['styrelse', 'forbundschef', 'ersattare', 'kansli', 'insatsansvarig'] as const;
export type Role = (typeof ROLES)[number];

/** One person of a förbund and what they may do; the roster document of the förbund holds them all. */
export interface Person {
  /** The Entra ID (Azure AD) object id Teams sends with every message: who the person is. */
  readonly aadObjectId: string;
  readonly name: string;
  readonly email?: string;
  readonly roles: readonly Role[];
  /** Insats ids an insatsansvarig answers for. */
  readonly initiatives: readonly string[];
  /** An ersättare for a period only decides within it (ISO dates, both included); none means a standing deputy. */
  readonly deputyPeriod?: { readonly from: string; readonly to: string };
}

/**
 * Every person of one förbund in one document, so that a rule across people ("never
 * without a förbundschef") holds under concurrent changes: each change replaces the whole
 * roster with the ETag it was read with.
 */
export interface Roster {
  readonly associationId: string;
  readonly people: readonly Person[];
  /** Counts changes; an audit entry is keyed by the version it produced, so a retried change logs once. */
  readonly version: number;
}

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  styrelse: 'Styrelse',
  forbundschef: 'Förbundschef',
  ersattare: 'Ersättare för förbundschefen',
  kansli: 'Kansli',
  insatsansvarig: 'Insatsansvarig',
};

/**
 * What a person's entry said when a form was opened: saving checks it against the entry
 * then, so a form opened before someone else's change does not overwrite that change.
 */
export function personFingerprint(p: Person): string {
  const sorted = (xs: readonly string[]) => [...xs].sort().join(',');
  const text = [p.name, p.email ?? '', sorted(p.roles), sorted(p.initiatives), p.deputyPeriod?.from ?? '', p.deputyPeriod?.to ?? ''].join('|');
  // FNV-1a, twice with different seeds: a short, stable tag, not a secret.
  const fnv = (seed: number) => {
    let h = seed;
    for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
    return h.toString(36).padStart(7, '0');
  };
  return fnv(2166136261) + fnv(33554467);
}

/** Who may administer people: the kansli and the förbundschef. */
export const ADMIN_ROLES: readonly Role[] = ['kansli', 'forbundschef'];

/** Roles a förbund must never be left without, with the reason shown when a change would do so. */
const REQUIRED_ROLES: readonly { readonly role: Role; readonly why: string }[] = [
  { role: 'forbundschef', why: 'förbundet måste ha en förbundschef som beslutar på delegation' },
  { role: 'kansli', why: 'förbundet måste ha minst en person på kansliet som kan administrera behörigheter' },
];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** A person invited by e-mail who has not written yet is keyed "invite:<e-mail>" until they do. */
export const isInvitation = (key: string) => key.startsWith('invite:');

/** A person's roles and insatser in one line, for the list, the audit and the fallback text. */
export function describeAccess(p: Pick<Person, 'roles' | 'initiatives' | 'deputyPeriod'>, initiativeName: (id: string) => string = (id) => id): string {
  if (p.roles.length === 0) return 'inga roller';
  return p.roles
    .map((r) => {
      if (r === 'insatsansvarig' && p.initiatives.length > 0) return `${ROLE_LABELS[r]} för ${p.initiatives.map(initiativeName).join(', ')}`;
      if (r === 'ersattare' && p.deputyPeriod) return `${ROLE_LABELS[r]} ${p.deputyPeriod.from}–${p.deputyPeriod.to}`;
      return ROLE_LABELS[r];
    })
    .join('; ');
}

export type RosterChange = { readonly kind: 'save'; readonly person: Person } | { readonly kind: 'remove'; readonly aadObjectId: string };

/** What a change did, for the audit: the person before and after (undefined when absent). */
export interface RosterChangeResult {
  readonly roster: Roster;
  readonly before?: Person;
  readonly after?: Person;
}

/** Thrown by applyRosterChange when a change would break a rule; the message is Swedish and says why. */
export class RosterRuleError extends Error {}

/**
 * Applies one change by `actorId`. Pure. Refuses changing one's own roles (someone else
 * must), and leaving the förbund without a förbundschef or a kansli person.
 */
export function applyRosterChange(roster: Roster, change: RosterChange, actorId: string): RosterChangeResult {
  const targetId = change.kind === 'save' ? change.person.aadObjectId : change.aadObjectId;
  const before = roster.people.find((p) => p.aadObjectId === targetId);
  if (targetId === actorId) throw new RosterRuleError('Du kan inte ändra dina egna behörigheter. Be en annan person på kansliet eller förbundschefen.');
  if (change.kind === 'remove' && !before) throw new RosterRuleError('Personen finns inte bland förbundets användare (kanske redan borttagen).');
  const after = change.kind === 'save' ? normalisePerson(change.person) : undefined;
  const people = after
    ? before
      ? roster.people.map((p) => (p.aadObjectId === targetId ? after : p))
      : [...roster.people, after]
    : roster.people.filter((p) => p.aadObjectId !== targetId);
  for (const { role, why } of REQUIRED_ROLES) {
    // An invitation nobody has taken yet cannot administer anything: it does not count.
    const holds = (p: Person) => p.roles.includes(role) && !isInvitation(p.aadObjectId);
    const hadRole = roster.people.some(holds);
    if (hadRole && !people.some(holds))
      throw new RosterRuleError(
        `${before?.name || 'Personen'} är den enda med rollen ${ROLE_LABELS[role].toLowerCase()}, och ${why}. Ge först någon annan rollen.`,
      );
  }
  return { roster: { ...roster, people: sortPeople(people), version: roster.version + 1 }, before, after };
}

/** Insatser only for an insatsansvarig, a period only for an ersättare; roles in the canonical order, once each. */
function normalisePerson(p: Person): Person {
  const roles = ROLES.filter((r) => p.roles.includes(r));
  return {
    aadObjectId: p.aadObjectId,
    name: p.name.trim(),
    ...(p.email ? { email: p.email.trim() } : {}),
    roles,
    initiatives: roles.includes('insatsansvarig') ? [...new Set(p.initiatives)] : [],
    ...(roles.includes('ersattare') && p.deputyPeriod ? { deputyPeriod: p.deputyPeriod } : {}),
  };
}

const sortPeople = (people: readonly Person[]) => [...people].sort((a, b) => a.name.localeCompare(b.name, 'sv') || a.aadObjectId.localeCompare(b.aadObjectId));

/**
 * The roles a person holds today: an ersättare outside their period is not one (they are
 * told who decides instead).
 */
export function rolesOn(person: Person, today: string): readonly Role[] {
  const p = person.deputyPeriod;
  if (!p || (today >= p.from && today <= p.to)) return person.roles;
  return person.roles.filter((r) => r !== 'ersattare');
}

/** One change of someone's access, kept for `ändringar av behörigheter`. */
export interface PermissionChange {
  readonly associationId: string;
  /** The roster version the change produced. */
  readonly version: number;
  readonly at: string;
  readonly byId: string;
  readonly byName: string;
  readonly personId: string;
  readonly personName: string;
  readonly before?: string;
  readonly after?: string;
}

/** A förbund served by the deployment. */
export interface Association {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

/** Förbund ids are short slugs ("uppsala"); they are partition keys and appear in every document. */
export const ASSOCIATION_ID = /^[a-z0-9-]{2,40}$/;
