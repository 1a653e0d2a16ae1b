import { DateTime } from 'luxon';
import { Reply } from '../cards/viewModels';
import { Initiative, initiativeLabel } from '../domain/initiatives';
import { PermissionChange, Person, ROLE_LABELS, ROLES, describeAccess, isInvitation, personFingerprint } from '../domain/people';
import { formatDate } from '../format/swedish';

/** What the person form holds: the values typed (kept when something needs fixing) and the problems beside them. */
export interface PersonFormValues {
  readonly mode: 'add' | 'edit';
  readonly aadObjectId: string;
  readonly person: string;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly string[];
  readonly initiatives: readonly string[];
  readonly deputyFrom: string;
  readonly deputyTo: string;
  /** The person's entry when the form was opened (personFingerprint); empty when adding. */
  readonly basis: string;
}

export type PersonFieldErrors = Partial<Record<'name' | 'email' | 'roles' | 'initiatives' | 'deputy', string>>;

export function formValuesOf(p: Person): PersonFormValues {
  return {
    mode: 'edit',
    aadObjectId: p.aadObjectId,
    person: '',
    name: p.name,
    email: p.email ?? '',
    roles: p.roles,
    initiatives: p.initiatives,
    deputyFrom: p.deputyPeriod?.from ?? '',
    deputyTo: p.deputyPeriod?.to ?? '',
    basis: personFingerprint(p),
  };
}

export const EMPTY_FORM: PersonFormValues = {
  mode: 'add',
  aadObjectId: '',
  person: '',
  name: '',
  email: '',
  roles: [],
  initiatives: [],
  deputyFrom: '',
  deputyTo: '',
  basis: '',
};

export function personFormReply(values: PersonFormValues, initiatives: readonly Initiative[], errors: PersonFieldErrors = {}): Reply {
  const problems = Object.values(errors).filter((e): e is string => !!e);
  const adding = values.mode === 'add';
  const title = adding ? 'Lägg till användare' : `Ändra behörigheter för ${values.name}`;
  return {
    card: {
      template: 'personForm',
      view: {
        title,
        intro: adding
          ? 'Sök fram personen, välj roller och, för en insatsansvarig, insatserna. Ändringen gäller direkt och loggas.'
          : 'Ändra roller, insatser eller ersättarperiod. Ändringen gäller direkt och loggas.',
        errors: problems.map((text) => ({ text })),
        adding,
        mode: values.mode,
        aadObjectId: values.aadObjectId,
        basis: values.basis,
        person: values.person,
        name: values.name,
        email: values.email,
        roles: values.roles.join(','),
        initiatives: values.initiatives.join(','),
        deputyFrom: values.deputyFrom,
        deputyTo: values.deputyTo,
        roleChoices: ROLES.map((r) => ({ title: ROLE_LABELS[r], value: r })),
        initiativeChoices: initiatives.map((i) => ({ title: initiativeLabel(i), value: i.id })),
        fieldErrors: {
          name: errors.name ?? '',
          email: errors.email ?? '',
          roles: errors.roles ?? '',
          initiatives: errors.initiatives ?? '',
          deputy: errors.deputy ?? '',
        },
        errorSummary: problems.length > 0 ? `${problems.length === 1 ? 'Ett fält' : `${problems.length} fält`} behöver rättas ovan. Inget sparades.` : '',
      },
    },
    text: problems.length > 0 ? `${title}: ${problems.join(' ')}` : title,
  };
}

const nameOf = (initiatives: readonly Initiative[]) => (id: string) => {
  const found = initiatives.find((i) => i.id === id);
  return found ? initiativeLabel(found) : id;
};

export function peopleListReply(people: readonly Person[], initiatives: readonly Initiative[], notes: readonly string[] = []): Reply {
  const blocks = people.map((p) => ({
    heading: p.name,
    status: isInvitation(p.aadObjectId) ? `Inbjuden (${p.email ?? ''}); rollerna gäller när personen skriver till boten första gången` : '',
    statusColor: 'Default' as const,
    facts: [{ label: 'Roller', value: describeAccess(p, nameOf(initiatives)) }],
    actions: [
      { title: 'Ändra', verb: 'openPersonForm', data: { aadObjectId: p.aadObjectId } },
      { title: 'Ta bort', verb: 'removePerson', data: { aadObjectId: p.aadObjectId } },
    ],
  }));
  return {
    card: {
      template: 'blocks',
      view: {
        title: 'Förbundets användare',
        intro: `${people.length} ${people.length === 1 ? 'person' : 'personer'} med behörighet i boten.`,
        summaryHeading: '',
        summary: [],
        blocks,
        emptyText: 'Inga användare ännu.',
        notes: [...notes, 'Skriv "ändringar av behörigheter" för att se vem som ändrat vad.'].map((text) => ({ text })),
        actions: [
          { title: 'Lägg till användare', verb: 'openPersonForm', data: {} },
          { title: 'Ändringar av behörigheter', verb: 'listPermissionChanges', data: {} },
        ],
      },
    },
    text: [`Förbundets användare (${people.length}):`, ...people.map((p) => `- ${p.name}: ${describeAccess(p, nameOf(initiatives))}`), ...notes].join('\n'),
  };
}

export function permissionChangesReply(changes: readonly PermissionChange[]): Reply {
  const time = (iso: string) => {
    const local = DateTime.fromISO(iso, { zone: 'utc' }).setZone('Europe/Stockholm');
    return `${formatDate(local.toISODate() as string)} ${local.toFormat('HH:mm')}`;
  };
  const blocks = changes.map((c) => ({
    heading: `${time(c.at)}: ${c.personName}`,
    status: c.before === undefined ? 'Tillagd' : c.after === undefined ? 'Borttagen' : 'Ändrad',
    statusColor: 'Default' as const,
    facts: [
      { label: 'Av', value: c.byName || c.byId },
      ...(c.before !== undefined ? [{ label: 'Före', value: c.before }] : []),
      ...(c.after !== undefined ? [{ label: 'Efter', value: c.after }] : []),
    ],
  }));
  return {
    card: {
      template: 'blocks',
      view: {
        title: 'Ändringar av behörigheter',
        intro: changes.length > 0 ? `De ${changes.length} senaste ändringarna, nyast först.` : '',
        summaryHeading: '',
        summary: [],
        blocks,
        emptyText: 'Inga ändringar har gjorts i chatten ännu.',
        notes: [],
      },
    },
    text: [
      'Ändringar av behörigheter:',
      ...changes.map((c) => `- ${time(c.at)} ${c.byName}: ${c.personName} ${c.before ?? '–'} → ${c.after ?? 'borttagen'}`),
    ].join('\n'),
  };
}
