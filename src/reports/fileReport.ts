import { Initiative } from '../domain/initiatives';
import { containsPersonnummer } from '../domain/personalData';
import { Quarter, latestEndedQuarter, parseQuarterKey, previousQuarter, quarterKey, quarterLabel } from '../domain/quarters';
import { latestVersion } from '../domain/quarterlyReports';
import { InvalidInputError } from '../errors';
import { HandlerDependencies } from '../commands/types';
import { isFormId, ownInitiatives } from '../deviations/fileDeviation';
import { formatDateLong } from '../format/swedish';
import { Reply } from '../cards/viewModels';
import { UserIdentity } from '../roles/roleDirectory';
import { ReportFields, validateReport } from './validateReport';
import { fieldsOf, reportFormReply, reportReceiptReply } from './reportViews';

const REPORTS = 'Kvartalsrapporter';

/** Reads "2026-Q3" from a card, refusing quarters that have not ended. */
export function reportQuarter(deps: HandlerDependencies, key: unknown): Quarter {
  const quarter = typeof key === 'string' ? parseQuarterKey(key) : undefined;
  if (!quarter) throw new InvalidInputError('Kortet anger inget kvartal. Skriv "kvartalsrapport" för att börja om.');
  const latest = latestEndedQuarter(deps.today());
  if (quarterKey(quarter) > quarterKey(latest)) throw new InvalidInputError(`${quarterLabel(quarter)} har inte tagit slut än; rapporten lämnas efter kvartalet.`);
  return quarter;
}

async function ownInitiative(deps: HandlerDependencies, user: UserIdentity, initiativeId: unknown): Promise<Initiative> {
  const own = await ownInitiatives(deps, user, REPORTS);
  const initiative = own.find((i) => i.id === initiativeId);
  if (!initiative) throw new InvalidInputError('Välj en av dina insatser.');
  return initiative;
}

async function previousOngoing(deps: HandlerDependencies, associationId: string, initiative: Initiative, quarter: Quarter) {
  const previous = await deps.repos.reports.get(associationId, initiative.id, previousQuarter(quarter));
  return previous ? latestVersion(previous).answers.participants?.ongoing : undefined;
}

/** The form for one insats and quarter: the saved draft first, else the last version (a correction), else empty. */
export async function openReportForm(deps: HandlerDependencies, user: UserIdentity, initiativeId: unknown, quarter: Quarter): Promise<Reply> {
  const initiative = await ownInitiative(deps, user, initiativeId);
  const [draft, report, ongoing] = await Promise.all([
    deps.repos.reports.getDraft(user.associationId, initiative.id, quarter),
    deps.repos.reports.get(user.associationId, initiative.id, quarter),
    previousOngoing(deps, user.associationId, initiative, quarter),
  ]);
  if (draft) {
    return reportFormReply({ initiative, quarter, fields: draft.fields, previousOngoing: ongoing, note: `Du fortsätter utkastet som ${draft.savedBy.name} sparade ${formatDateLong(draft.savedAt.slice(0, 10))}.` });
  }
  if (report) {
    const last = latestVersion(report);
    return reportFormReply({ initiative, quarter, fields: fieldsOf(last.answers), previousOngoing: ongoing, note: `Rapporten är redan inlämnad (version ${last.version}). Det du skickar in nu blir version ${last.version + 1}; tidigare versioner finns kvar.` });
  }
  return reportFormReply({ initiative, quarter, fields: {}, previousOngoing: ongoing });
}

function refusePersonalData(fields: ReportFields): void {
  if (Object.values(fields).some((value) => typeof value === 'string' && containsPersonnummer(value))) {
    throw new InvalidInputError('Formuläret innehåller något som liknar ett personnummer. Uppgifter om enskilda deltagare får inte lämnas; ta bort numret och försök igen. Inget sparades.');
  }
}

/** Saves the half-filled form as it is; nothing is checked except that no personnummer is stored. */
export async function saveReportDraft(deps: HandlerDependencies, user: UserIdentity, initiativeId: unknown, quarter: Quarter, fields: ReportFields, formId: string, edgeProblems: readonly string[] = []): Promise<Reply> {
  const initiative = await ownInitiative(deps, user, initiativeId);
  if (edgeProblems.length > 0) return reportFormReply({ initiative, quarter, fields, formId, previousOngoing: await previousOngoing(deps, user.associationId, initiative, quarter), problems: edgeProblems });
  refusePersonalData(fields);
  const kept = Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const savedAt = deps.now().toISOString();
  await deps.repos.reports.saveDraft({ associationId: user.associationId, initiativeId: initiative.id, year: quarter.year, quarter: quarter.quarter, fields: kept, savedBy: { aadObjectId: user.aadObjectId, name: user.name }, savedAt });
  const ongoing = await previousOngoing(deps, user.associationId, initiative, quarter);
  return reportFormReply({ initiative, quarter, fields: kept, formId, previousOngoing: ongoing, note: 'Utkastet är sparat. Skriv "kvartalsrapport" när du vill fortsätta; det finns kvar även om boten startas om.' });
}

/** Checks every rule; stores a new version (once per form) and gives the receipt, or the form again with the problems. */
export async function submitReport(deps: HandlerDependencies, user: UserIdentity, initiativeId: unknown, quarter: Quarter, fields: ReportFields, formId: string, edgeProblems: readonly string[] = []): Promise<Reply> {
  const initiative = await ownInitiative(deps, user, initiativeId);
  if (!isFormId(formId)) throw new InvalidInputError('Formuläret saknar sitt id. Skriv "kvartalsrapport" för att få ett nytt.');
  const ongoing = await previousOngoing(deps, user.associationId, initiative, quarter);
  const validation = validateReport(fields, { individual: initiative.kind === 'individual', previousOngoing: ongoing });
  if (!validation.ok || edgeProblems.length > 0) return reportFormReply({ initiative, quarter, fields, formId, previousOngoing: ongoing, problems: [...edgeProblems, ...(validation.ok ? [] : validation.problems)] });
  const now = deps.now();
  const { report, added } = await deps.repos.reports.addVersion(user.associationId, initiative.id, quarter, {
    formId,
    answers: validation.answers,
    submittedBy: { aadObjectId: user.aadObjectId, name: user.name },
    submittedAt: now.toISOString(),
    submittedOn: deps.today(),
  });
  await deps.repos.reports.deleteDraft(user.associationId, initiative.id, quarter);
  const version = report.versions.find((v) => v.formId === formId) ?? latestVersion(report);
  return reportReceiptReply(initiative, quarter, version, !added);
}
