import { CardActionHandler } from '../commands/types';
import { listPeople, permissionChanges, personForm, removePerson, savePerson } from '../people/managePeople';
import { PersonFormValues } from '../people/peopleViews';

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const list = (v: unknown) =>
  text(v)
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');

/** Every people card answers in place: the list, the form and the confirmation replace one another. */
export const listPeopleAction: CardActionHandler = {
  verb: 'listPeople',
  handle: async (input, deps) => ({ replies: [], updatedCard: await listPeople(deps, input.user) }),
};

export const listPermissionChangesAction: CardActionHandler = {
  verb: 'listPermissionChanges',
  handle: async (input, deps) => ({ replies: [], updatedCard: await permissionChanges(deps, input.user) }),
};

export const openPersonFormAction: CardActionHandler = {
  verb: 'openPersonForm',
  handle: async (input, deps) => {
    const id = text(input.data.aadObjectId);
    const initiativeId = text(input.data.initiativeId);
    const proposal = initiativeId
      ? { initiativeId, ...(text(input.data.proposeId) ? { personId: text(input.data.proposeId) } : {}), personName: text(input.data.proposeName) }
      : undefined;
    // From a grant's receipt the form comes as a new message, so the receipt stays.
    const form = await personForm(deps, input.user, id ? { id } : undefined, proposal);
    return proposal ? { replies: [form] } : { replies: [], updatedCard: form };
  },
};

export const savePersonAction: CardActionHandler = {
  verb: 'savePerson',
  async handle(input, deps) {
    const values: PersonFormValues = {
      mode: input.data.mode === 'edit' ? 'edit' : 'add',
      aadObjectId: text(input.data.aadObjectId),
      person: text(input.data.person),
      name: text(input.data.name),
      email: text(input.data.email),
      roles: list(input.data.roles),
      initiatives: list(input.data.initiatives),
      deputyFrom: text(input.data.deputyFrom),
      deputyTo: text(input.data.deputyTo),
      basis: text(input.data.basis),
    };
    return { replies: [], updatedCard: await savePerson(deps, input.user, values) };
  },
};

export const removePersonAction: CardActionHandler = {
  verb: 'removePerson',
  handle: async (input, deps) => ({
    replies: [],
    updatedCard: await removePerson(deps, input.user, text(input.data.aadObjectId), input.data.confirm === 'yes'),
  }),
};
