import { listPeople, permissionChanges, personForm, removePerson } from '../people/managePeople';
import { assertAdmin, findPerson } from '../people/managePeople';
import { nameBoardTeam } from '../people/boardTeam';
import { normalize } from '../questions/parser/text';
import { CommandHandler } from './types';

/** "användare", "behörigheter": the förbund's people and their roles. */
export const listPeopleCommand: CommandHandler = {
  name: 'användare',
  matches: (text) => /^(anvandare|anvandarna|behorigheter|roller|vilka anvandare finns|lista anvandare|visa anvandare|visa anvandarna)$/.test(normalize(text)),
  handle: async (input, deps) => [await listPeople(deps, input.user)],
};

/** "lägg till användare", "ny användare". */
export const addPersonCommand: CommandHandler = {
  name: 'lägg till användare',
  matches: (text) => /^(lagg till (en )?(ny )?anvandare|ny anvandare)$/.test(normalize(text)),
  handle: async (input, deps) => [await personForm(deps, input.user)],
};

const CHANGE = /^andra (roller|rollerna|behorigheter|behorigheterna|rollen) (for|pa|till) (.+)$/i;

/** "ändra roller för Anna Andersson". */
export const changePersonCommand: CommandHandler = {
  name: 'ändra roller',
  matches: (text) => CHANGE.test(normalize(text)),
  handle: async (input, deps) => {
    const name = (input.text.trim().match(/^\S+\s+\S+\s+\S+\s+(.+)$/)?.[1] ?? '').trim();
    return [await personForm(deps, input.user, { name })];
  },
};

/** "ta bort användaren Anna Andersson": asks before removing. */
export const removePersonCommand: CommandHandler = {
  name: 'ta bort användare',
  matches: (text) => /^ta bort anvandaren? .+$/.test(normalize(text)),
  handle: async (input, deps) => {
    assertAdmin(input.user);
    const name = (input.text.trim().match(/^ta\s+bort\s+\S+\s+(.+)$/i)?.[1] ?? '').trim();
    const roster = await deps.repos.people.getRoster(input.user.associationId);
    const person = findPerson(roster?.people ?? [], { name });
    return [await removePerson(deps, input.user, person.aadObjectId, false)];
  },
};

/** "ändringar av behörigheter": the audit, newest first. */
export const permissionChangesCommand: CommandHandler = {
  name: 'ändringar av behörigheter',
  matches: (text) => /^(andringar av (behorigheter|roller)|behorighetslogg|vem har andrat behorigheter)$/.test(normalize(text)),
  handle: async (input, deps) => [await permissionChanges(deps, input.user)],
};

/** "detta är styrelsens team", in a channel of the board's team. */
export const boardTeamCommand: CommandHandler = {
  name: 'styrelsens team',
  matches: (text) => /^(detta|det har|har) (ar )?styrelsens team$/.test(normalize(text)),
  handle: async (input, deps) => [await nameBoardTeam(deps, input.user, input.teamId)],
};
