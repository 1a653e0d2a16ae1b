import { Reply } from '../cards/viewModels';
import { ADMIN_ROLES, Person, RosterRuleError, applyRosterChange, isInvitation, isRole, personFingerprint } from '../domain/people';
import { MAX_PERIOD_YEARS, isSaneDate, withinMaxPeriod } from '../domain/limits';
import { ForbiddenError, InvalidInputError, SavedNotFinishedError } from '../errors';
import { HandlerDependencies } from '../ports/dependencies';
import { UserIdentity, hasRole } from '../roles/roleDirectory';
import { EMPTY_FORM, PersonFieldErrors, PersonFormValues, formValuesOf, peopleListReply, permissionChangesReply, personFormReply } from './peopleViews';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[a-z]{2,}$/i;
const CHANGES_SHOWN = 50;

export function assertAdmin(user: UserIdentity): void {
  if (!hasRole(user, ...ADMIN_ROLES)) throw new ForbiddenError('Bara kansliet och förbundschefen kan se och ändra förbundets användare och roller.');
}

const by = (user: UserIdentity) => ({ id: user.aadObjectId ?? '', name: user.name });

async function initiativesOf(deps: HandlerDependencies, associationId: string) {
  return (await deps.repos.initiatives.getRegistry(associationId))?.initiatives ?? [];
}

export async function listPeople(deps: HandlerDependencies, user: UserIdentity, notes: readonly string[] = []): Promise<Reply> {
  assertAdmin(user);
  const [roster, initiatives] = await Promise.all([deps.repos.people.getRoster(user.associationId), initiativesOf(deps, user.associationId)]);
  return peopleListReply(roster?.people ?? [], initiatives, notes);
}

export async function permissionChanges(deps: HandlerDependencies, user: UserIdentity): Promise<Reply> {
  assertAdmin(user);
  return permissionChangesReply(await deps.repos.people.listChanges(user.associationId, CHANGES_SHOWN));
}

/** An insatsansvarig proposed for a new insats (after a grant): the applicant, if known. */
export interface LeadProposal {
  readonly initiativeId: string;
  readonly personId?: string;
  readonly personName?: string;
}

/**
 * The empty form, or the person's own when `key` names one (by id, or by a name typed in chat);
 * with a proposal, the form for making someone insatsansvarig for a new insats.
 */
export async function personForm(
  deps: HandlerDependencies,
  user: UserIdentity,
  key?: { readonly id?: string; readonly name?: string },
  proposal?: LeadProposal,
): Promise<Reply> {
  assertAdmin(user);
  const [roster, initiatives] = await Promise.all([deps.repos.people.getRoster(user.associationId), initiativesOf(deps, user.associationId)]);
  if (proposal) {
    const known = roster?.people.find((p) => p.aadObjectId === proposal.personId);
    if (known) {
      const values = formValuesOf(known);
      const roles = values.roles.includes('insatsansvarig') ? values.roles : [...values.roles, 'insatsansvarig'];
      return personFormReply({ ...values, roles, initiatives: [...new Set([...values.initiatives, proposal.initiativeId])] }, initiatives);
    }
    return personFormReply(
      { ...EMPTY_FORM, person: proposal.personId ?? '', name: proposal.personName ?? '', roles: ['insatsansvarig'], initiatives: [proposal.initiativeId] },
      initiatives,
    );
  }
  if (!key?.id && !key?.name) return personFormReply(EMPTY_FORM, initiatives);
  const person = findPerson(roster?.people ?? [], key);
  return personFormReply(formValuesOf(person), initiatives);
}

/** A person by id, or by a typed name (the whole name or a part that fits one person only). */
export function findPerson(people: readonly Person[], key: { readonly id?: string; readonly name?: string }): Person {
  if (key.id) {
    const p = people.find((x) => x.aadObjectId === key.id);
    if (!p) throw new InvalidInputError('Personen finns inte längre bland förbundets användare. Skriv "användare" för listan.');
    return p;
  }
  const wanted = (key.name ?? '').trim().toLocaleLowerCase('sv');
  const exact = people.filter((p) => p.name.toLocaleLowerCase('sv') === wanted);
  const partial = exact.length > 0 ? exact : people.filter((p) => p.name.toLocaleLowerCase('sv').includes(wanted));
  if (partial.length === 1) return partial[0] as Person;
  throw new InvalidInputError(
    partial.length === 0
      ? `Ingen användare heter "${key.name}". Skriv "användare" för listan.`
      : `Flera användare passar "${key.name}": ${partial.map((p) => p.name).join(', ')}. Skriv hela namnet eller välj i listan.`,
    undefined,
    [{ title: 'Visa användarna', question: 'användare' }],
  );
}

/** Reads the form into a person, or the problems per field. */
export function readPersonForm(values: PersonFormValues, knownInitiatives: readonly string[]): { person?: Person; errors: PersonFieldErrors } {
  const errors: Record<string, string> = {};
  const name = values.name.trim();
  const email = values.email.trim().toLowerCase();
  let key = values.aadObjectId;
  if (email && !EMAIL.test(email)) errors.email = `E-post: "${values.email}" är ingen e-postadress.`;
  if (values.mode === 'add') {
    if (values.person && GUID.test(values.person)) key = values.person.toLowerCase();
    else if (email && EMAIL.test(email)) key = `invite:${email}`;
    else if (!email) errors.email = 'Sök fram personen, eller skriv personens e-postadress.';
  }
  if (name === '') errors.name = 'Namn: skriv personens namn som det ska visas.';
  else if (name.length > 100) errors.name = 'Namn: högst 100 tecken.';
  const unknownRole = values.roles.find((r) => !isRole(r));
  const roles = values.roles.filter(isRole);
  if (unknownRole !== undefined) errors.roles = `Roller: "${unknownRole}" finns inte.`;
  else if (roles.length === 0) errors.roles = 'Roller: välj minst en roll. Ska personen inte ha någon, ta bort hen från listan i stället.';
  const unknownInitiative = values.initiatives.find((i) => !knownInitiatives.includes(i));
  if (unknownInitiative !== undefined) errors.initiatives = `Insatser: "${unknownInitiative}" finns inte bland förbundets insatser.`;
  else if (roles.includes('insatsansvarig') && values.initiatives.length === 0)
    errors.initiatives = 'Insatser: välj de insatser som en insatsansvarig svarar för.';
  const from = values.deputyFrom.trim();
  const to = values.deputyTo.trim();
  if (from !== '' || to !== '') {
    if (!roles.includes('ersattare')) errors.deputy = 'Ersättarperiod: gäller bara rollen ersättare för förbundschefen; välj den rollen eller töm datumen.';
    else if (!isSaneDate(from) || !isSaneDate(to)) errors.deputy = 'Ersättarperiod: ange både från- och till-datum, till exempel 2026-07-01 och 2026-07-31.';
    else if (to < from) errors.deputy = 'Ersättarperiod: till-datumet ligger före från-datumet.';
    else if (!withinMaxPeriod(from, to)) errors.deputy = `Ersättarperiod: högst ${MAX_PERIOD_YEARS} år.`;
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    person: {
      aadObjectId: key,
      name,
      ...(email ? { email } : {}),
      roles,
      initiatives: roles.includes('insatsansvarig') ? values.initiatives : [],
      ...(from !== '' ? { deputyPeriod: { from, to } } : {}),
    },
    errors: {},
  };
}

/** Saves the form: the person added or changed at once, or the same form back with the problems beside the fields. */
export async function savePerson(deps: HandlerDependencies, user: UserIdentity, values: PersonFormValues): Promise<Reply> {
  assertAdmin(user);
  const initiatives = await initiativesOf(deps, user.associationId);
  const { person, errors } = readPersonForm(
    values,
    initiatives.map((i) => i.id),
  );
  if (!person) return personFormReply(values, initiatives, errors);
  if (!isInvitation(person.aadObjectId)) {
    const member = await deps.repos.people.findMember(person.aadObjectId);
    if (member?.person && member.associationId !== user.associationId)
      return personFormReply(values, initiatives, {
        name: 'Personen är redan användare hos ett annat samordningsförbund i boten; en person kan bara höra till ett förbund.',
      });
  }
  try {
    const result = await deps.repos.people.changeRoster(
      user.associationId,
      (roster) => {
        if (values.mode === 'add' && roster.people.some((p) => p.aadObjectId === person.aadObjectId))
          throw new RosterRuleError(`${person.name} finns redan bland förbundets användare. Välj "Ändra" i listan för att ändra rollerna.`);
        if (values.mode === 'edit' && !roster.people.some((p) => p.aadObjectId === person.aadObjectId))
          throw new RosterRuleError('Personen har tagits bort av någon annan under tiden. Skriv "användare" för listan.');
        const existing = roster.people.find((p) => p.aadObjectId === person.aadObjectId);
        if (values.mode === 'edit' && existing && values.basis !== '' && personFingerprint(existing) !== values.basis) throw new ChangedMeanwhile(existing);
        // The form has no e-mail when changing someone: keep the one they were invited with.
        const kept = !person.email && existing?.email ? { ...person, email: existing.email } : person;
        return applyRosterChange(roster, { kind: 'save', person: kept }, user.aadObjectId ?? '');
      },
      by(user),
    );
    const what = result.before ? 'ändrad' : isInvitation(person.aadObjectId) ? 'inbjuden' : 'tillagd';
    return listPeople(deps, user, [`${person.name} är ${what}.`]);
  } catch (err) {
    // The form comes back with what stands now, so the user sees the other change before making theirs again.
    if (err instanceof ChangedMeanwhile)
      return personFormReply(formValuesOf(err.current), initiatives, {
        roles: `Någon annan ändrade ${err.current.name} medan du hade formuläret öppet, så din ändring sparades inte. Formuläret visar nu det som gäller; gör din ändring igen och spara.`,
      });
    if (err instanceof RosterRuleError) return personFormReply(values, initiatives, { roles: err.message });
    throw err;
  }
}

/** The person's entry is not what it was when the form was opened. */
class ChangedMeanwhile extends RosterRuleError {
  constructor(readonly current: Person) {
    super('changed since the form was opened');
  }
}

/** Without `confirmed`, asks first; the last förbundschef or kansli person, and oneself, are refused with the reason. */
export async function removePerson(deps: HandlerDependencies, user: UserIdentity, aadObjectId: string, confirmed: boolean): Promise<Reply> {
  assertAdmin(user);
  const roster = await deps.repos.people.getRoster(user.associationId);
  const person = findPerson(roster?.people ?? [], { id: aadObjectId });
  if (!confirmed)
    return {
      card: {
        template: 'notice',
        view: {
          title: `Ta bort ${person.name}?`,
          message: `${person.name} förlorar alla roller i boten direkt. Ändringen loggas.`,
          actions: [
            { title: `Ja, ta bort ${person.name}`, verb: 'removePerson', data: { aadObjectId, confirm: 'yes' } },
            { title: 'Nej, tillbaka till listan', verb: 'listPeople', data: {} },
          ],
        },
      },
      text: `Ta bort ${person.name}?`,
    };
  try {
    await deps.repos.people.changeRoster(user.associationId, (r) => applyRosterChange(r, { kind: 'remove', aadObjectId }, user.aadObjectId ?? ''), by(user));
  } catch (err) {
    if (err instanceof RosterRuleError) throw new InvalidInputError(err.message, undefined, [{ title: 'Visa användarna', question: 'användare' }]);
    throw err;
  }
  return listPeople(deps, user, [`${person.name} är borttagen.`]);
}

/**
 * A person invited by e-mail becomes themselves the first time they write: the edge found
 * their e-mail in Teams and asks here. Returns whether an invitation was taken.
 */
export async function claimInvitation(deps: HandlerDependencies, aadObjectId: string, email: string): Promise<boolean> {
  // Someone who already belongs to a förbund (an ersättare outside their period has no role today) takes no invitation.
  if ((await deps.repos.people.findMember(aadObjectId))?.person) return false;
  const key = `invite:${email.trim().toLowerCase()}`;
  const associationId = (await deps.repos.people.findMember(key))?.associationId;
  if (!associationId) return false;
  const roster = await deps.repos.people.getRoster(associationId);
  const invited = roster?.people.find((p) => p.aadObjectId === key);
  if (!invited) return false;
  try {
    await deps.repos.people.changeRoster(
      associationId,
      (r) => {
        const current = r.people.find((p) => p.aadObjectId === key);
        if (!current) throw new RosterRuleError('the invitation was taken by a turn running at the same time');
        if (r.people.some((p) => p.aadObjectId === aadObjectId)) throw new RosterRuleError('already in the roster');
        const people = r.people.map((p) => (p.aadObjectId === key ? { ...p, aadObjectId } : p));
        return { roster: { ...r, people, version: r.version + 1 }, before: current, after: { ...current, aadObjectId } };
      },
      { id: aadObjectId, name: `${invited.name} (första inloggning)` },
    );
  } catch (err) {
    // Two turns of the same person at once: the other one took it, and the lookup after finds them.
    // Saved but not yet copied: the background repair finishes it, and a later message finds them.
    if (err instanceof RosterRuleError || err instanceof SavedNotFinishedError) return true;
    throw err;
  }
  return true;
}
