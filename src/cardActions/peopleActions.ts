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
    return { replies: [], updatedCard: await personForm(deps, input.user, id ? { id } : undefined) };
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
