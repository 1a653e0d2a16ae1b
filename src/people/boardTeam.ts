import { Reply } from '../cards/viewModels';
import { InvalidInputError } from '../errors';
import { HandlerDependencies } from '../ports/dependencies';
import { UserIdentity } from '../roles/roleDirectory';
import { assertAdmin } from './managePeople';

/** "detta är styrelsens team", said by the kansli in a channel of the board's team. */
export async function nameBoardTeam(deps: HandlerDependencies, user: UserIdentity, teamId: string | undefined): Promise<Reply> {
  assertAdmin(user);
  if (!teamId)
    throw new InvalidInputError(
      'Skriv det i en kanal i styrelsens team i Teams (nämn mig med @), så vet jag vilket team det är.',
      'board team named outside a team',
    );
  await deps.repos.people.setBoardTeam(user.associationId, teamId);
  return {
    card: {
      template: 'notice',
      view: {
        title: 'Styrelsens team är sparat',
        message:
          'När någon i det här teamet som saknar roll skriver till mig får kansliet frågan om hen ska få rollen styrelse. Ingen får rollen utan att någon på kansliet klickar.',
        actions: [],
      },
    },
    text: 'Styrelsens team är sparat.',
  };
}

/**
 * A person without a role wrote in the board's team: the kansli is asked, once per person,
 * whether they should have the styrelse role. Nothing is granted here.
 */
export async function offerBoardRole(deps: HandlerDependencies, teamId: string, person: UserIdentity): Promise<boolean> {
  if (!person.aadObjectId || person.roles.length > 0) return false;
  const associationId = await deps.repos.people.findBoardTeam(teamId);
  if (!associationId) return false;
  if (!(await deps.repos.people.claimBoardOffer(associationId, person.aadObjectId))) return false;
  const name = person.name.trim().slice(0, 100) || 'En person';
  const offer: Reply = {
    card: {
      template: 'receipt',
      view: {
        title: `${name} skriver i styrelsens team`,
        status: 'Personen har ingen roll i boten. Ska hen ha rollen styrelse?',
        facts: [],
        notes: [{ text: 'Rollen ges bara om du klickar. Ändringen loggas.' }],
        actions: [
          {
            title: `Ge ${name} rollen styrelse`,
            verb: 'savePerson',
            data: { mode: 'add', aadObjectId: '', person: person.aadObjectId, name, email: '', roles: 'styrelse', initiatives: '' },
          },
          { title: 'Visa användarna', verb: 'listPeople', data: {} },
        ],
      },
    },
    text: `${name} skriver i styrelsens team men har ingen roll i boten. Ska hen ha rollen styrelse?`,
  };
  const kansli = await deps.directory.withRole(associationId, ['kansli']);
  await Promise.all(kansli.map((k) => (k.aadObjectId ? deps.notifier.sendToUser(associationId, k.aadObjectId, offer) : undefined)));
  return true;
}
