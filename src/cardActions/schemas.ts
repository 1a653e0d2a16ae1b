import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { ALL_FIELDS, LINE_KINDS, SUMMARY_STEP } from '../applications/sections';
import { containsPersonnummer } from '../domain/personalData';
import { PARTICIPANT_ROWS, REPORT_QUESTIONS } from '../domain/quarterlyReports';
import { FREE_TEXT_MAX, ID_MAX } from '../domain/limits';
import { InvalidInputError } from '../errors';
import { formatInteger } from '../format/swedish';
import { EXPORT_DOCUMENTS, EXPORT_FORMATS, PERIOD_PATTERN } from '../exports/fileLinks';

/** A short value a form sends (an amount, a date, a choice, a count); its meaning is checked by the form's own rules. */
const SHORT_MAX = 200;
/** Teams refuses a message over about 28 KB; a chat text over this is refused before it is read. */
export const CHAT_TEXT_MAX = 28_000;

type Schema = Record<string, unknown>;

const id: Schema = { type: 'string', minLength: 1, maxLength: ID_MAX, pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]*$', 'x-kind': 'id' };
const short = (title: string): Schema => ({ type: 'string', maxLength: SHORT_MAX, title });
const free = (title: string): Schema => ({ type: 'string', maxLength: FREE_TEXT_MAX, title });
const oneOf = (...values: string[]): Schema => ({ type: 'string', enum: values });
const step: Schema = { type: 'integer', minimum: 0, maximum: SUMMARY_STEP };

/**
 * One verb's data: the keys a card of the bot sends, each with its type and bounds. Keys
 * not listed are dropped before the handler sees them (and so are never stored).
 * `form` marks verbs whose card is a form: a text over its limit comes back in the same
 * form with the problem instead of an error card, so nothing typed is lost.
 */
interface VerbSchema {
  readonly properties: Record<string, Schema>;
  readonly patternProperties?: Record<string, Schema>;
  readonly required?: readonly string[];
  readonly form?: boolean;
}

const reportFields: Record<string, Schema> = Object.fromEntries([
  ...REPORT_QUESTIONS.flatMap((q) => [
    [`choice_${q.id}`, short(q.label)],
    [`comment_${q.id}`, free(`Kommentaren till "${q.label}"`)],
  ]),
  ...PARTICIPANT_ROWS.flatMap((r) => [
    [`p_${r.key}_k`, short(`${r.label} (kvinnor)`)],
    [`p_${r.key}_m`, short(`${r.label} (män)`)],
  ]),
  ['meetingCount', short('Antal styrgruppsmöten')],
  ['confirmOngoing', short('Antalet pågående stämmer')],
  ['shareWithPlan', short('Andel avslutade med plan')],
  ['goalFulfilment', free('Måluppfyllelse per mål')],
  ['costsToDate', short('Upparbetade kostnader')],
  ['other', free('Övrigt till kansliet')],
]);
const reportMeta = {
  formId: id,
  initiativeId: id,
  quarterKey: { type: 'string', pattern: '^\\d{4}-Q[1-4]$' },
  basedOn: { type: ['string', 'number'], pattern: '^\\d{0,6}$', maximum: 999999 },
};

const applicationFields: Record<string, Schema> = Object.fromEntries(
  ALL_FIELDS.filter((f) => f.type !== 'heading' && f.type !== 'addLine').map((f) => [
    f.id,
    f.type === 'multiline' || (f.type === 'text' && !/_(amount|monthly|po|percent|premises|self)$/.test(f.id)) ? free(f.label) : short(f.label),
  ]),
);
const yearAmount = { '^year_20\\d\\d$': short('Att rekvirera') };

/** A person in the roster: a Teams user's object id, or "invite:" and the e-mail they were invited with. */
const personKey: Schema = { type: 'string', minLength: 1, maxLength: 220, pattern: '^(invite:[^\\s]+@[^\\s]+|[0-9A-Fa-f-]{36})$', 'x-kind': 'id' };

export const CARD_SCHEMAS: Readonly<Record<string, VerbSchema>> = {
  listPeople: { properties: {} },
  listPermissionChanges: { properties: {} },
  openPersonForm: { properties: { aadObjectId: personKey, initiativeId: id, proposeId: id, proposeName: short('Namn') } },
  savePerson: {
    form: true,
    properties: {
      mode: oneOf('add', 'edit'),
      aadObjectId: { type: 'string', maxLength: 220, pattern: '^(|invite:[^\\s]+@[^\\s]+|[0-9A-Fa-f-]{36})$', 'x-kind': 'id' },
      basis: { type: 'string', maxLength: 32, pattern: '^[0-9a-z]*$', 'x-kind': 'id' },
      person: short('Person'),
      name: short('Namn'),
      email: short('E-post'),
      roles: short('Roller'),
      initiatives: { type: 'string', maxLength: 2000, title: 'Insatser' },
      deputyFrom: short('Ersättare från'),
      deputyTo: short('Ersättare till och med'),
    },
    required: ['mode'],
  },
  removePerson: { properties: { aadObjectId: personKey, confirm: oneOf('yes') }, required: ['aadObjectId'] },
  askQuestion: { properties: { question: { type: 'string', minLength: 1, maxLength: CHAT_TEXT_MAX } }, required: ['question'] },
  submitDeviation: {
    form: true,
    properties: {
      formId: id,
      initiativeId: short('Insats'),
      kind: short('Typ av avvikelse'),
      amount: short('Belopp'),
      fromYear: short('År'),
      newEndDate: short('Nytt slutdatum'),
      reason: free('Skälet till avvikelsen'),
      position: free('Styrgruppens ställningstagande'),
    },
    required: ['formId'],
  },
  decideDeviation: { properties: { caseId: id, outcome: oneOf('godkänd', 'avslagen'), comment: free('Motivering') }, required: ['caseId', 'outcome'] },
  showDeviation: { properties: { caseId: id }, required: ['caseId'] },
  withdrawDeviation: { properties: { caseId: id, confirmed: { type: 'boolean' } }, required: ['caseId'] },
  markReported: {
    properties: { meetingDate: short('Styrelsemötets datum'), title: short('Rubrik'), caseIds: { type: 'array', items: id, maxItems: 1000 } },
    required: ['caseIds'],
  },
  openReportForm: { properties: { initiativeId: id, quarterKey: reportMeta.quarterKey }, required: ['initiativeId'] },
  saveReportDraft: { form: true, properties: { ...reportMeta, ...reportFields }, required: ['initiativeId'] },
  submitReport: { form: true, properties: { ...reportMeta, ...reportFields }, required: ['initiativeId'] },
  openDeviationForm: { properties: { initiativeId: id }, required: ['initiativeId'] },
  applicationStep: {
    form: true,
    properties: { applicationId: id, step, direction: oneOf('next', 'back', 'stay', 'add'), line: oneOf(...LINE_KINDS), ...applicationFields },
    required: ['applicationId', 'step'],
  },
  applicationGoto: { properties: { applicationId: id, step }, required: ['applicationId', 'step'] },
  applicationDiscard: { properties: { applicationId: id }, required: ['applicationId'] },
  showApplication: { properties: { applicationId: id }, required: ['applicationId'] },
  resolveLedgerImport: {
    properties: { importId: { type: 'string', pattern: '^[a-f0-9]{24}$' } },
    patternProperties: { '^row_\\d{1,4}$': { type: 'string', maxLength: 80, pattern: '^[a-z0-9-]*$' } },
    required: ['importId'],
  },
  saveLedgerImport: { properties: { importId: { type: 'string', pattern: '^[a-f0-9]{24}$' }, replace: { type: 'boolean' } }, required: ['importId'] },
  sendExportFile: {
    properties: { document: oneOf(...EXPORT_DOCUMENTS), format: oneOf(...EXPORT_FORMATS), period: { type: 'string', pattern: PERIOD_PATTERN } },
    required: ['document', 'format'],
  },
  applicationSubmit: { properties: { applicationId: id }, patternProperties: yearAmount, required: ['applicationId'] },
  openApplicationDecision: { properties: { applicationId: id, by: oneOf('styrelsen', 'delegation') }, required: ['applicationId', 'by'] },
  decideApplication: {
    form: true,
    properties: {
      applicationId: id,
      by: oneOf('styrelsen', 'delegation'),
      outcome: short('Beslut'),
      meeting_date: short('Styrelsemötets datum'),
      meeting_paragraph: short('Paragraf i protokollet'),
      period_start: short('Perioden från'),
      period_end: short('Perioden till'),
      reason: free('Motivering'),
    },
    patternProperties: { '^granted_20\\d\\d$': short('Beviljas') },
    required: ['applicationId', 'by'],
  },
};

const ajv = new Ajv({ allErrors: true, removeAdditional: 'all', strict: false });
ajv.addKeyword('x-kind');
const compiled = new Map<string, ValidateFunction>(
  Object.entries(CARD_SCHEMAS).map(([verb, s]) => [
    verb,
    ajv.compile({
      type: 'object',
      properties: s.properties,
      patternProperties: s.patternProperties ?? {},
      required: s.required ?? [],
      additionalProperties: false,
    }),
  ]),
);

export interface ParsedCardData {
  readonly data: Readonly<Record<string, unknown>>;
  /** Form fields over their limit, cut to it; the form comes back with these problems. */
  readonly problems: readonly string[];
}

const REFUSED = 'Kortet skickade något som boten inte kan ta emot';

function schemaOf(verb: string, key: string): Schema | undefined {
  const s = CARD_SCHEMAS[verb];
  if (!s) return undefined;
  return s.properties[key] ?? Object.entries(s.patternProperties ?? {}).find(([pattern]) => new RegExp(pattern).test(key))?.[1];
}

/** Card inputs arrive as strings, numbers or booleans depending on the client; the schema says which it is. */
function coerceScalars(verb: string, input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const schema = schemaOf(verb, key);
    if (!schema || value === null || value === undefined) continue;
    if (schema.type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) out[key] = String(value);
    else if (schema.type === 'integer' && typeof value === 'string' && /^\d{1,3}$/.test(value)) out[key] = Number(value);
    else out[key] = value;
  }
  return out;
}

const fieldName = (error: ErrorObject) =>
  error.instancePath.replace(/^\//, '').split('/')[0] || String((error.params as { missingProperty?: string }).missingProperty ?? '');

/**
 * Parses one invoke's data against its verb's schema, in one place before any handler
 * runs: known keys only, each of its type and within its bounds. A bad payload is
 * refused with a Swedish message; a form's over-long text is cut and reported instead.
 */
export function parseCardData(verb: string, raw: unknown): ParsedCardData {
  const validate = compiled.get(verb);
  if (!validate) throw new InvalidInputError(`${REFUSED}. Kortet kan vara gammalt; fråga igen för att få ett nytt.`, `no schema for verb ${verb}`);
  if (raw !== undefined && (raw === null || typeof raw !== 'object' || Array.isArray(raw)))
    throw new InvalidInputError(`${REFUSED}. Kortet kan vara gammalt; fråga igen för att få ett nytt.`, `data of ${verb} is not an object`);
  const data = coerceScalars(verb, (raw ?? {}) as Record<string, unknown>);
  const problems: string[] = [];
  if (!validate(data as unknown)) {
    const form = CARD_SCHEMAS[verb]?.form === true;
    for (const error of validate.errors ?? []) {
      const key = fieldName(error);
      const schema = schemaOf(verb, key);
      const value = data[key];
      if (form && error.keyword === 'maxLength' && typeof value === 'string' && typeof schema?.title === 'string' && schema['x-kind'] !== 'id') {
        const limit = schema.maxLength as number;
        data[key] = value.slice(0, limit);
        problems.push(
          `${schema.title}: texten är för lång (${formatInteger(value.length)} tecken; högst ${formatInteger(limit)}). Den har kortats; läs igenom och skicka igen.`,
        );
        continue;
      }
      throw new InvalidInputError(
        `${REFUSED} (fältet "${key.slice(0, 40)}"). Kortet kan vara gammalt; fråga igen för att få ett nytt.`,
        `invalid ${verb} data: ${key} ${error.keyword} ${error.message ?? ''}`,
      );
    }
  }
  for (const [key, value] of Object.entries(data)) {
    const ids = schemaOf(verb, key)?.['x-kind'] === 'id' ? [value] : key === 'caseIds' && Array.isArray(value) ? value : [];
    if (ids.some((v) => typeof v === 'string' && containsPersonnummer(v)))
      throw new InvalidInputError(
        'Kortets id innehåller något som liknar ett personnummer. Inget sparades; fråga igen för att få ett nytt kort.',
        `personnummer in ${verb}.${key}`,
      );
  }
  return { data, problems };
}
