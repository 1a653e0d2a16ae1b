import { todayInStockholm } from '../clock';
import { formProblems } from '../cards/fieldProblems';
import { Initiative } from '../domain/initiatives';
import { containsPersonnummer } from '../domain/personalData';
import { Quarter, latestEndedQuarter, parseQuarterKey, previousQuarter, quarterKey, quarterLabel } from '../domain/quarters';
import { latestVersion } from '../domain/quarterlyReports';
import { InvalidInputError } from '../errors';
import { HandlerDependencies } from '../ports/dependencies';
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
  if (quarterKey(quarter) > quarterKey(latest))
    throw new InvalidInputError(`${quarterLabel(quarter)} har inte tagit slut än; rapporten lämnas efter kvartalet.`);
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
  const basedOn = report ? latestVersion(report).version : 0;
  if (draft) {
    return reportFormReply({
      initiative,
      quarter,
      fields: draft.fields,
      previousOngoing: ongoing,
      basedOn,
      note: `Du fortsätter utkastet som ${draft.savedBy.name} sparade ${formatDateLong(draft.savedOn ?? todayInStockholm(new Date(draft.savedAt)))}.`,
    });
  }
  if (report) {
    const last = latestVersion(report);
    return reportFormReply({
      initiative,
      quarter,
      fields: fieldsOf(last.answers),
      previousOngoing: ongoing,
      basedOn,
      note: `Rapporten är redan inlämnad (version ${last.version}). Det du skickar in nu blir version ${last.version + 1}; tidigare versioner finns kvar.`,
    });
  }
  return reportFormReply({ initiative, quarter, fields: {}, previousOngoing: ongoing, basedOn });
}

/**
 * A form is stale when it was itself submitted, or a version came in after it was opened:
 * its actions are answered with the report as it stands, never by saving or filing its old answers.
 */
async function staleAnswer(
  deps: HandlerDependencies,
  user: UserIdentity,
  initiative: Initiative,
  quarter: Quarter,
  formId: string,
  basedOn: number | undefined,
): Promise<Reply | undefined> {
  const report = await deps.repos.reports.get(user.associationId, initiative.id, quarter);
  if (!report) return undefined;
  const own = report.versions.find((v) => v.formId === formId);
  const last = latestVersion(report);
  if (own)
    return reportReceiptReply(
      initiative,
      quarter,
      last,
      true,
      `Det här formuläret är redan inskickat (version ${own.version}); inget nytt sparades.${last.version > own.version ? ` Senaste versionen är ${last.version}.` : ''} Skriv "kvartalsrapport" för att rätta rapporten.`,
    );
  if (basedOn !== undefined && last.version > basedOn) {
    return reportReceiptReply(
      initiative,
      quarter,
      last,
      true,
      `Rapporten lämnades in (version ${last.version}) efter att det här formuläret öppnades, så formuläret är inaktuellt och inget sparades. Skriv "kvartalsrapport" för att rätta rapporten utifrån den senaste versionen.`,
    );
  }
  return undefined;
}

function refusePersonalData(fields: ReportFields): void {
  if (Object.values(fields).some((value) => typeof value === 'string' && containsPersonnummer(value))) {
    throw new InvalidInputError(
      'Formuläret innehåller något som liknar ett personnummer. Uppgifter om enskilda deltagare får inte lämnas; ta bort numret och försök igen. Inget sparades.',
    );
  }
}

/** Saves the half-filled form as it is; nothing is checked except that no personnummer is stored. */
export async function saveReportDraft(
  deps: HandlerDependencies,
  user: UserIdentity,
  initiativeId: unknown,
  quarter: Quarter,
  fields: ReportFields,
  formId: string,
  basedOn?: number,
  personalCardId?: string,
  edgeProblems: readonly string[] = [],
): Promise<Reply> {
  const initiative = await ownInitiative(deps, user, initiativeId);
  const stale = await staleAnswer(deps, user, initiative, quarter, formId, basedOn);
  if (stale) return stale;
  if (edgeProblems.length > 0)
    return reportFormReply({
      initiative,
      quarter,
      fields,
      formId,
      previousOngoing: await previousOngoing(deps, user.associationId, initiative, quarter),
      problems: formProblems(edgeProblems),
      basedOn: basedOn ?? 0,
    });
  refusePersonalData(fields);
  const kept = Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const savedAt = deps.now().toISOString();
  // Remember the card in the user's chat, so it can be replaced by the receipt when the report is in.
  const previous = (await deps.repos.reports.getDraft(user.associationId, initiative.id, quarter))?.postedCards ?? [];
  const here = personalCardId && user.aadObjectId ? [{ aadObjectId: user.aadObjectId, activityId: personalCardId }] : [];
  const postedCards = [...previous, ...here.filter((c) => !previous.some((p) => p.activityId === c.activityId))];
  await deps.repos.reports.saveDraft({
    associationId: user.associationId,
    initiativeId: initiative.id,
    year: quarter.year,
    quarter: quarter.quarter,
    fields: kept,
    savedBy: { aadObjectId: user.aadObjectId, name: user.name },
    savedAt,
    savedOn: deps.today(),
    ...(postedCards.length > 0 ? { postedCards } : {}),
  });
  const ongoing = await previousOngoing(deps, user.associationId, initiative, quarter);
  return reportFormReply({
    initiative,
    quarter,
    fields: kept,
    formId,
    previousOngoing: ongoing,
    basedOn: basedOn ?? 0,
    note: 'Utkastet är sparat. Skriv "kvartalsrapport" när du vill fortsätta; det finns kvar även om boten startas om.',
  });
}

/** Checks every rule; stores a new version (once per form) and gives the receipt, or the form again with the problems. */
export async function submitReport(
  deps: HandlerDependencies,
  user: UserIdentity,
  initiativeId: unknown,
  quarter: Quarter,
  fields: ReportFields,
  formId: string,
  basedOn?: number,
  personalCardId?: string,
  edgeProblems: readonly string[] = [],
): Promise<Reply> {
  const initiative = await ownInitiative(deps, user, initiativeId);
  if (!isFormId(formId)) throw new InvalidInputError('Formuläret saknar sitt id. Skriv "kvartalsrapport" för att få ett nytt.');
  // A double click on the same form gets its own receipt; an older form gets the report as it stands.
  const existing = await deps.repos.reports.get(user.associationId, initiative.id, quarter);
  const ownVersion = existing?.versions.find((v) => v.formId === formId);
  if (ownVersion) return reportReceiptReply(initiative, quarter, ownVersion, true);
  const stale = await staleAnswer(deps, user, initiative, quarter, formId, basedOn);
  if (stale) return stale;
  const ongoing = await previousOngoing(deps, user.associationId, initiative, quarter);
  const validation = validateReport(fields, { individual: initiative.kind === 'individual', previousOngoing: ongoing });
  if (!validation.ok || edgeProblems.length > 0)
    return reportFormReply({
      initiative,
      quarter,
      fields,
      formId,
      previousOngoing: ongoing,
      problems: [...formProblems(edgeProblems), ...(validation.ok ? [] : validation.problems)],
      basedOn: basedOn ?? 0,
    });
  const now = deps.now();
  const { report, added } = await deps.repos.reports.addVersion(user.associationId, initiative.id, quarter, {
    formId,
    answers: validation.answers,
    submittedBy: { aadObjectId: user.aadObjectId, name: user.name },
    submittedAt: now.toISOString(),
    submittedOn: deps.today(),
  });
  const draft = await deps.repos.reports.getDraft(user.associationId, initiative.id, quarter);
  await deps.repos.reports.deleteDraft(user.associationId, initiative.id, quarter);
  const version = report.versions.find((v) => v.formId === formId) ?? latestVersion(report);
  // Every earlier form card that saved the draft now shows the report as it is in; the clicked one gets the response.
  const earlier = (draft?.postedCards ?? []).filter((c) => c.activityId !== personalCardId);
  if (added && earlier.length > 0) {
    const final = reportReceiptReply(initiative, quarter, version, true, `Rapporten är inlämnad (version ${version.version}); det här utkastet är avslutat.`);
    await Promise.all(earlier.map((posted) => deps.notifier.updateCard(user.associationId, posted, final).catch(() => undefined)));
  }
  return reportReceiptReply(initiative, quarter, version, !added);
}
