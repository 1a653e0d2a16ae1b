import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ErrorObject } from 'ajv';
import schema from '../../data/contracts/ledger.schema.json';
import { LedgerLine, LedgerSnapshot, TotalField } from '../domain/ledger';
import { ValidationError } from '../errors';
import { Kronor, toKronor } from '../domain/money';
import { normalize } from '../questions/parser/text';

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

interface RawLedger {
  association: { id: string; name: string };
  asOf: string;
  unit: 'kr' | 'tkr';
  reserveFund?: number;
  openingSurplus: { year: number; amount: number };
  columns: { key: string; year: number; kind: 'budget' | 'forecast' | 'preliminary' }[];
  lines: {
    id?: string;
    section: 'income' | 'cost';
    group?: LedgerLine['group'];
    label?: string;
    initiative?: { name: string; owner: string; kind?: 'individual' | 'structural' };
    amounts: Record<string, number>;
    note?: string;
  }[];
  pendingApplications?: { name: string; owner: string; amounts: Record<string, number> }[];
  statedTotals?: Record<string, Partial<Record<TotalField, number>>>;
}

function describe(error: ErrorObject): string {
  const path = error.instancePath || '/';
  switch (error.keyword) {
    case 'required':
      return `${path}: fältet "${String(error.params.missingProperty)}" saknas`;
    case 'additionalProperties':
      return `${path}: okänt fält "${String(error.params.additionalProperty)}"`;
    case 'type':
      return `${path}: ska vara av typen ${String(error.params.type)}`;
    case 'enum':
      return `${path}: ska vara ett av ${(error.params.allowedValues as unknown[]).join(', ')}`;
    case 'pattern':
      return `${path}: har fel form (ska matcha ${String(error.params.pattern)})`;
    case 'minItems':
      return `${path}: ska ha minst ${String(error.params.limit)} element`;
    case 'const':
      return `${path}: ska vara ${JSON.stringify(error.params.allowedValue)}`;
    case 'format':
      return `${path}: ska vara ett datum (ÅÅÅÅ-MM-DD)`;
    default:
      return `${path}: ${error.message ?? 'ogiltigt värde'}`;
  }
}

export function slug(text: string): string {
  return normalize(text).replace(/ /g, '-');
}

const INCOME_GROUPS = ['membership_fees', 'sales', 'external_funding', 'other_income'];

/** Collects the problems of one file while its parts are converted, so all are reported at once. */
interface Conversion {
  readonly problems: string[];
  readonly columnKeys: ReadonlySet<string>;
  readonly kr: (amount: number) => Kronor;
}

function convertAmounts(c: Conversion, amounts: Record<string, number>, path: string): Record<string, Kronor> {
  const out: Record<string, Kronor> = {};
  for (const [key, value] of Object.entries(amounts)) {
    if (!c.columnKeys.has(key)) c.problems.push(`${path}/${key}: ingen kolumn har nyckeln "${key}"`);
    out[key] = c.kr(value);
  }
  return out;
}

function convertLines(c: Conversion, raw: RawLedger): LedgerLine[] {
  const lineIds = new Set<string>();
  return raw.lines.map((line, i) => {
    const path = `/lines/${i}`;
    const label = line.label ?? (line.initiative ? line.initiative.name : undefined);
    if (!label) c.problems.push(`${path}: raden behöver "label" eller "initiative"`);
    if (line.group === undefined) c.problems.push(`${path}: fältet "group" saknas`);
    const group = line.group ?? (line.section === 'income' ? 'other_income' : 'administration');
    if (line.section === 'income' && !INCOME_GROUPS.includes(group)) c.problems.push(`${path}/group: "${group}" är ingen intäktsgrupp`);
    if (line.section === 'cost' && INCOME_GROUPS.includes(group)) c.problems.push(`${path}/group: "${group}" är ingen kostnadsgrupp`);
    const id = line.id ?? slug(line.initiative ? `${line.initiative.name}-${line.initiative.owner}` : `${group}-${label ?? i}`);
    if (lineIds.has(id)) c.problems.push(`${path}/id: raden "${id}" finns redan; ge raderna olika "id"`);
    lineIds.add(id);
    return {
      id,
      section: line.section,
      group,
      label: label ?? '',
      ...(line.initiative ? { initiative: line.initiative } : {}),
      amounts: convertAmounts(c, line.amounts, `${path}/amounts`),
      ...(line.note ? { note: line.note } : {}),
    };
  });
}

/** Validates a ledger file against the contract and converts it to whole kronor. Throws ValidationError naming every bad path. */
export function parseLedgerFile(input: unknown): LedgerSnapshot {
  if (!validate(input)) throw new ValidationError((validate.errors ?? []).map(describe));
  const raw = input as unknown as RawLedger;
  const problems: string[] = [];
  const columnKeys = new Set<string>();
  raw.columns.forEach((c, i) => {
    if (columnKeys.has(c.key)) problems.push(`/columns/${i}/key: kolumnen "${c.key}" finns redan`);
    columnKeys.add(c.key);
  });
  const c: Conversion = { problems, columnKeys, kr: (amount: number) => toKronor(amount, raw.unit) };
  const lines = convertLines(c, raw);
  const pendingApplications = (raw.pendingApplications ?? []).map((a, i) => ({
    name: a.name,
    owner: a.owner,
    amounts: convertAmounts(c, a.amounts, `/pendingApplications/${i}/amounts`),
  }));
  const statedTotals: Record<string, Partial<Record<TotalField, Kronor>>> = {};
  for (const [key, fields] of Object.entries(raw.statedTotals ?? {})) {
    if (!columnKeys.has(key)) problems.push(`/statedTotals/${key}: ingen kolumn har nyckeln "${key}"`);
    statedTotals[key] = Object.fromEntries(Object.entries(fields).map(([f, v]) => [f, c.kr(v as number)]));
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return {
    associationId: raw.association.id,
    associationName: raw.association.name,
    asOf: raw.asOf,
    reserveFund: c.kr(raw.reserveFund ?? 0),
    openingSurplus: { year: raw.openingSurplus.year, amount: c.kr(raw.openingSurplus.amount) },
    columns: raw.columns.map((col) => ({ key: col.key, year: col.year, kind: col.kind })),
    lines,
    pendingApplications,
    statedTotals,
  };
}
