import { createHash } from 'crypto';
import { Reply } from '../cards/viewModels';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../errors';
import { applyLedgerAdjustments } from '../finance/ledgerAdjustments';
import { compareStatedTotals, computeLedgerTotals, latestEstimateColumn } from '../finance/ledgerTotals';
import { formatDate, formatDateLong, formatTkr } from '../format/swedish';
import { KIND_LABEL, LedgerSnapshot } from '../domain/ledger';
import { LedgerRepository, PendingLedgerImport } from '../ports/repositories';
import { UserIdentity, hasRole } from '../roles/roleDirectory';
import { RowChoice, UnresolvedRow, assembleLedger, readTableRows } from './ledgerWorkbookReader';
import { lineLabel } from '../exports/ledgerWorkbook';
import { TotalField } from '../domain/ledger';

/** The totals as the card names them (the terminal uses the board papers' capitals). */
const TOTAL_LABEL: Readonly<Record<TotalField, string>> = {
  income: 'S:a intäkter',
  cost: 'S:a kostnader',
  initiatives: 'S:a samverkansinsatser',
  result: 'Årets resultat',
  carriedIn: 'Från tidigare år',
  remaining: 'Kvarvarande beslutsutrymme',
  remainingAfterApplications: 'Beslutsutrymme efter ansökningar',
};

export const SAVE_IMPORT_VERB = 'saveLedgerImport';
export const RESOLVE_IMPORT_VERB = 'resolveLedgerImport';
const IMPORT_ROLES = ['kansli', 'forbundschef'] as const;
const SHOWN_DIFFERENCES = 8;

/** A file the user attached in the chat; the edge downloads it (from Teams' own storage only) when asked. */
export interface IncomingFile {
  readonly name: string;
  readonly fileType: string;
  read(): Promise<Buffer>;
}

/** What the import uses: the ledger's repository and the clock. */
export interface ImportDependencies {
  readonly repos: { readonly ledger: LedgerRepository };
  readonly today: () => string;
  readonly now: () => Date;
}

function assertMayImport(user: UserIdentity): void {
  if (!hasRole(user, ...IMPORT_ROLES)) throw new ForbiddenError('Ekonomisk information läses in av kansliet och förbundschefen.');
}

export function importInstructions(user: UserIdentity): Reply {
  assertMayImport(user);
  const message =
    'Bifoga tabellen som Excel-fil (.xlsx) här i den personliga chatten, gärna med texten "importera ekonomisk information per 2026-06-12". Jag läser raderna efter namn och kolumnerna efter rubrikerna (Budget 2026, Prognos 2026, Prel. budget 2027), räknar om alla summor och visar vad som skiljer innan något sparas. Enklast är att utgå från "ekonomisk information" som Excel.';
  return {
    card: {
      template: 'notice',
      view: {
        title: 'Så läser du in ekonomisk information',
        message,
        actions: [{ title: 'Ekonomisk information som Excel', verb: 'askQuestion', data: { question: 'ekonomisk information' } }],
      },
    },
    text: message,
  };
}

/** Reads the attached table against the current one, keeps it as a pending import and answers with the consistency report and a save button. */
export async function prepareLedgerImport(deps: ImportDependencies, user: UserIdentity, file: IncomingFile, text: string): Promise<Reply> {
  assertMayImport(user);
  if (!/^xlsx$/i.test(file.fileType) && !/\.xlsx$/i.test(file.name))
    throw new InvalidInputError(
      `"${file.name.slice(0, 80)}" är ingen Excel-arbetsbok (.xlsx). Spara tabellen som .xlsx och skicka den igen.`,
      `import of file type ${file.fileType.slice(0, 20)}`,
    );
  const lookup = await deps.repos.ledger.findSnapshotFor(user.associationId);
  if (!lookup.snapshot)
    throw new NotFoundError(
      'Förbundet har ingen ekonomisk information ännu; den första tabellen läses in av den som driftar boten (npm run import).',
      'chat import without a template',
    );
  // The current table as the answers see it (decisions applied): the file's rows are matched against it.
  const { snapshot: current } = applyLedgerAdjustments(lookup.snapshot, lookup.adjustments, lookup.applications);
  const bytes = await file.read();
  const asOfHint = /\bper\s+(\d{4}-\d{2}-\d{2})\b/.exec(text)?.[1];
  const table = await readTableRows(bytes, asOfHint);
  const importId = createHash('sha256').update(user.associationId).update(table.asOf).update(bytes).digest('hex').slice(0, 24);
  const pending: PendingLedgerImport = { importId, table, fileName: file.name.slice(0, 200), importedBy: user.name, importedAt: deps.now().toISOString() };
  return assembleAndReport(deps, user, pending, current, {});
}

/** Assembles the pending table with the rows placed so far: a card asking for the rest, or the report with Spara. */
async function assembleAndReport(
  deps: ImportDependencies,
  user: UserIdentity,
  pending: PendingLedgerImport,
  current: LedgerSnapshot,
  choices: Readonly<Record<number, RowChoice>>,
): Promise<Reply> {
  const assembled = assembleLedger(pending.table, current, choices);
  if ('unresolved' in assembled) {
    await deps.repos.ledger.savePendingImport(user.associationId, { ...pending, snapshot: undefined });
    return placeRowsCard(pending, assembled.unresolved, current, Object.keys(choices).length > 0);
  }
  await deps.repos.ledger.savePendingImport(user.associationId, { ...pending, snapshot: assembled.snapshot });
  return importReport(pending.importId, assembled.snapshot, current, pending.fileName);
}

/** One choice per row the names did not place: the lines it may be (those it fits first), a new line of its own, or leave it out. */
function placeRowsCard(pending: PendingLedgerImport, unresolved: readonly UnresolvedRow[], current: LedgerSnapshot, again: boolean): Reply {
  const all = current.lines.map((l) => ({ title: lineLabel(l), value: l.id }));
  const fields = unresolved.map((u) => ({
    id: `row_${u.row}`,
    label: `"${u.label}" (rad ${u.row})${u.candidates.length > 1 ? ' passar flera rader' : ' finns inte i tabellen'}`,
    type: 'choice' as const,
    value: '',
    choices: [
      ...all.filter((c) => u.candidates.includes(c.value)),
      ...all.filter((c) => !u.candidates.includes(c.value)),
      { title: 'Ny rad (övrig kostnad)', value: 'new' },
      { title: 'Hoppa över raden', value: 'skip' },
    ],
    error: again ? 'Välj vad raden är.' : '',
  }));
  const title = `Vilka rader är det? (${pending.fileName.slice(0, 60)})`;
  const intro = `${unresolved.length === 1 ? 'En rad' : `${unresolved.length} rader`} i filen passar inte något radnamn i förbundets tabell per ${formatDate(current.asOf)}. Välj vad varje rad är; sedan visar jag kontrollen och Spara.`;
  return {
    text: [title, intro, ...fields.map((f) => f.label)].join('\n'),
    card: {
      template: 'formCard',
      view: {
        title,
        intro,
        errors: [],
        facts: [],
        groups: [],
        fields,
        notes: [],
        rowActions: [],
        errorSummary: again ? 'Någon rad saknar val.' : '',
        actions: [{ title: 'Fortsätt', verb: RESOLVE_IMPORT_VERB, data: { importId: pending.importId }, style: 'positive' }],
      },
    },
  };
}

/** "Fortsätt" on the card that places rows: assembles with the choices, and shows the report (or asks again). */
export async function resolveLedgerImport(
  deps: ImportDependencies,
  user: UserIdentity,
  importId: string,
  data: Readonly<Record<string, unknown>>,
): Promise<Reply> {
  assertMayImport(user);
  const pending = await deps.repos.ledger.getPendingImport(user.associationId, importId);
  if (!pending) throw new NotFoundError('Den inlästa tabellen finns inte längre. Skicka filen igen.', `no pending import ${importId}`);
  const lookup = await deps.repos.ledger.findSnapshotFor(user.associationId);
  if (!lookup.snapshot) throw new NotFoundError('Förbundet har ingen ekonomisk information ännu.', 'resolve without a template');
  const { snapshot: current } = applyLedgerAdjustments(lookup.snapshot, lookup.adjustments, lookup.applications);
  const ids = new Set(current.lines.map((l) => l.id));
  const choices: Record<number, RowChoice> = {};
  for (const [key, value] of Object.entries(data)) {
    const row = /^row_(\d+)$/.exec(key)?.[1];
    if (!row || typeof value !== 'string' || value === '') continue;
    if (value !== 'new' && value !== 'skip' && !ids.has(value))
      throw new InvalidInputError('Ett val på kortet finns inte längre i tabellen. Skicka filen igen.', `unknown line ${value.slice(0, 60)}`);
    choices[Number(row)] = value;
  }
  return assembleAndReport(deps, user, pending, current, choices);
}

function importReport(importId: string, snapshot: LedgerSnapshot, current: LedgerSnapshot, fileName: string): Reply {
  const differences = compareStatedTotals(snapshot, computeLedgerTotals(snapshot));
  const changed = snapshot.lines.flatMap((l) => {
    const before = current.lines.find((c) => c.id === l.id);
    return Object.entries(l.amounts)
      .filter(([key, value]) => current.columns.some((c) => c.key === key) && before?.amounts[key] !== value)
      .map(([key]) => `${l.label} ${key}`);
  });
  const totals = computeLedgerTotals(snapshot);
  const years = [...new Set(snapshot.columns.map((c) => c.year))];
  const facts = [
    { label: 'Fil', value: fileName.slice(0, 120) },
    { label: 'Kolumner', value: snapshot.columns.map((c) => `${KIND_LABEL[c.kind]} ${c.year}`).join(', ') },
    { label: 'Rader', value: String(snapshot.lines.length) },
    { label: `Ändrade belopp mot tabellen per ${formatDate(current.asOf)}`, value: String(changed.length) },
    ...years.flatMap((year) => {
      const column = latestEstimateColumn(snapshot.columns, year);
      const t = totals.find((x) => x.column.key === column?.key);
      return t ? [{ label: `Beslutsutrymme ${year} (${KIND_LABEL[t.column.kind]})`, value: formatTkr(t.remaining) }] : [];
    }),
  ];
  const shown = differences.slice(0, SHOWN_DIFFERENCES).map((d) => {
    const column = snapshot.columns.find((c) => c.key === d.columnKey);
    return {
      text: `${TOTAL_LABEL[d.field]}, ${column ? `${KIND_LABEL[column.kind]} ${column.year}` : d.columnKey}: i filen ${formatTkr(d.stated)}, beräknat ${formatTkr(d.computed)}${d.rounding ? ' (avrundning)' : ''}`,
    };
  });
  if (differences.length > shown.length) shown.push({ text: `och ${differences.length - shown.length} till` });
  const report =
    differences.length === 0
      ? 'Alla summor i filen stämmer med raderna.'
      : `${differences.length} summor i filen stämmer inte med raderna; jag räknar med raderna:`;
  const title = `Ekonomisk information per ${formatDate(snapshot.asOf)} från filen: kontrollera och spara`;
  return {
    text: [title, report, ...shown.map((s) => s.text)].join('\n'),
    card: {
      template: 'exportOffer',
      view: {
        title,
        intro: 'Inget är sparat ännu. Frågorna om beslutsutrymme räknar på den nya tabellen först när du sparar.',
        facts,
        source: report,
        items: shown,
        linkNote: '',
        links: [],
        // Short enough for a phone's button; the title says what is saved.
        actions: [{ title: `Spara tabellen per ${snapshot.asOf}`, verb: SAVE_IMPORT_VERB, data: { importId } }],
      },
    },
  };
}

/** "Spara som ekonomisk information per …": stores the pending table, asking first when one of the same date exists. */
export async function saveLedgerImport(deps: ImportDependencies, user: UserIdentity, importId: string, replace: boolean): Promise<Reply> {
  assertMayImport(user);
  const pending = await deps.repos.ledger.getPendingImport(user.associationId, importId);
  if (!pending) throw new NotFoundError('Den inlästa tabellen finns inte längre. Skicka filen igen.', `no pending import ${importId}`);
  if (!pending.snapshot) throw new InvalidInputError('Välj först vad raderna i filen är (kortet ovan).', `pending import ${importId} not assembled`);
  const snapshot = pending.snapshot;
  const { asOf } = snapshot;
  const notice = (title: string, message: string, actions: { title: string; verb: string; data: Record<string, unknown> }[] = []): Reply => ({
    card: { template: 'notice', view: { title, message, actions } },
    text: `${title}: ${message}`,
  });
  if (pending.savedAt) return notice('Redan sparad', `Tabellen per ${formatDateLong(asOf)} sparades ${formatDateLong(pending.savedAt.slice(0, 10))}.`);
  if (!replace && (await deps.repos.ledger.hasSnapshotDated(user.associationId, asOf))) {
    return notice(
      `Det finns redan ekonomisk information per ${formatDate(asOf)}`,
      'Vill du ersätta den med tabellen från filen? Den tidigare finns kvar som historik.',
      [{ title: `Ersätt tabellen per ${asOf}`, verb: SAVE_IMPORT_VERB, data: { importId, replace: true } }],
    );
  }
  const { replaced } = await deps.repos.ledger.saveSnapshot(snapshot);
  await deps.repos.ledger.savePendingImport(user.associationId, { ...pending, savedAt: deps.now().toISOString() });
  return notice(
    replaced ? 'Tabellen är ersatt' : 'Tabellen är sparad',
    `Ekonomisk information per ${formatDateLong(asOf)} gäller nu för förbundets svar (${snapshot.lines.length} rader).`,
    [{ title: `Beslutsutrymme ${asOf.slice(0, 4)}`, verb: 'askQuestion', data: { question: `beslutsutrymme ${asOf.slice(0, 4)}` } }],
  );
}
