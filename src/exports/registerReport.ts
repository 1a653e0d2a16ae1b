import { Application } from '../domain/applications';
import { Deviation } from '../domain/deviations';
import { RegisterItem, RegisterPeriod, applicationItem, deviationItem, numberKey, parseRegisterPeriod } from '../deviations/delegationRegister';

/** The delegationsbeslut as a document for the board's kallelse: number, date, ärende, decision, decider, amount. */
export interface RegisterDocument {
  readonly associationName: string;
  readonly title: string;
  /** The date the document was made (Europe/Stockholm). */
  readonly createdOn: string;
  readonly intro: string;
  readonly items: readonly RegisterItem[];
  readonly total: number;
}

export interface RegisterSource {
  listDecided(associationId: string, from: string, to: string): Promise<readonly Deviation[]>;
  listDelegationDecisions(associationId: string, from: string, to: string): Promise<readonly Application[]>;
}

/** The selection as a link carries it: "unreported" or "from..to". */
export const periodKey = (period: RegisterPeriod): string => (period.kind === 'unreported' ? 'unreported' : `${period.from}..${period.to}`);
export const periodFromKey = (key: string | undefined): RegisterPeriod =>
  !key || key === 'unreported' ? { kind: 'unreported' } : parseRegisterPeriod(key.replace('..', ' '));

/** The decisions of a period (or those not yet reported to the board), in number order, and the last meeting they were reported at. */
export async function loadRegister(
  source: RegisterSource,
  associationId: string,
  period: RegisterPeriod,
): Promise<{ readonly listed: readonly RegisterItem[]; readonly lastMeeting?: string }> {
  const [from, to] = period.kind === 'range' ? [period.from, period.to] : ['0000-01-01', '9999-12-31'];
  const [deviations, applications] = await Promise.all([source.listDecided(associationId, from, to), source.listDelegationDecisions(associationId, from, to)]);
  const all = [...deviations.map(deviationItem), ...applications.map(applicationItem)];
  const listed = (period.kind === 'unreported' ? all.filter((i) => !i.reportedToBoard) : all).sort((a, b) => numberKey(a).localeCompare(numberKey(b)));
  const lastMeeting =
    all
      .map((i) => i.reportedToBoard ?? '')
      .sort()
      .pop() || undefined;
  return { listed, ...(lastMeeting ? { lastMeeting } : {}) };
}

export function buildRegisterDocument(listed: readonly RegisterItem[], period: RegisterPeriod, associationName: string, createdOn: string): RegisterDocument {
  const title =
    period.kind === 'unreported'
      ? `Delegationsbeslut att anmäla till styrelsen ${createdOn}`
      : `Delegationsbeslut ${period.from} – ${period.to.startsWith('9999') ? createdOn : period.to}`;
  const intro =
    period.kind === 'unreported' ? 'Beslut fattade på delegation som ännu inte anmälts till styrelsen.' : 'Beslut fattade på delegation under perioden.';
  return { associationName, title, createdOn, intro, items: listed, total: listed.reduce((sum, i) => sum + (i.amount ?? 0), 0) };
}
