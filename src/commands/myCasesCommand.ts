import { BlocksView, Reply } from '../cards/viewModels';
import { DEVIATION_KIND_LABEL, Deviation } from '../domain/deviations';
import { Application } from '../domain/applications';
import { QuarterlyReport, latestVersion } from '../domain/quarterlyReports';
import { quarterKey, quarterLabel } from '../domain/quarters';
import { formatDateLong } from '../format/swedish';
import { normalize } from '../questions/parser/text';
import { hasRole } from '../roles/roleDirectory';
import { pageOf, pageSlice, withPage } from '../cards/paging';
import { CommandHandler } from './types';

/** Blocks per card: each is under 1 KB, so a page stays far below Teams' limit. */
export const MY_CASES_PAGE_SIZE = 20;

type Block = BlocksView['blocks'][number];
type Kind = 'alla' | 'avvikelser' | 'ansokningar' | 'rapporter';

const PATTERN = /^(visa )?(mina|mitt|min) (arenden|arende|avvikelser|avvikelse|ansokningar|ansokan|rapporter|kvartalsrapporter)$/;

function kindOf(text: string): Kind {
  const word = (PATTERN.exec(normalize(text).replace(/ sida \d{1,4}$/, ''))?.[3] ?? '') as string;
  if (word.startsWith('avvikelse')) return 'avvikelser';
  if (word.startsWith('ansokan') || word.startsWith('ansokningar')) return 'ansokningar';
  if (word.endsWith('rapporter')) return 'rapporter';
  return 'alla';
}

const DEVIATION_NEXT: Readonly<Record<Deviation['status'], string>> = {
  registreras: 'Registreras; inget behöver göras.',
  inlämnad: 'Förbundschefen beslutar; du får besked i chatten.',
  godkänd: 'Inget; beslutet är fattat.',
  avslagen: 'Inget; beslutet är fattat.',
  återkallad: 'Inget; avvikelsen är återkallad.',
};

function deviationBlock(d: Deviation): Block {
  return {
    heading: `Avvikelse ${d.dnr ?? ''} – ${d.initiativeName}`.replace('  ', ' '),
    status: `Status: ${d.status}`,
    statusColor: 'Default',
    facts: [
      { label: 'Typ', value: DEVIATION_KIND_LABEL[d.kind] },
      { label: 'Inlämnad', value: formatDateLong(d.filedOn) },
      { label: 'Nästa steg', value: DEVIATION_NEXT[d.status] },
    ],
    actions: [{ title: 'Öppna avvikelsen', verb: 'showDeviation', data: { caseId: d.id } }],
  };
}

function applicationBlock(a: Application): Block {
  const draft = a.status === 'utkast';
  return {
    heading: draft ? `Utkast: ${a.fields.name || 'namnlös ansökan'}` : `Ansökan ${a.dnr ?? ''} – ${a.name ?? ''}`,
    status: `Status: ${a.status}`,
    statusColor: 'Default',
    facts: [
      ...(a.submittedOn ? [{ label: 'Inlämnad', value: formatDateLong(a.submittedOn) }] : []),
      {
        label: 'Nästa steg',
        value: draft ? 'Gör klart och skicka in.' : a.status === 'inlämnad' ? 'Styrelsen eller förbundschefen beslutar.' : 'Inget; beslutet är fattat.',
      },
    ],
    actions: [
      draft
        ? { title: 'Fortsätt ansökan', verb: 'askQuestion', data: { question: 'fortsätt min ansökan' } }
        : { title: 'Visa ansökan', verb: 'showApplication', data: { applicationId: a.id } },
    ],
  };
}

function reportBlock(r: QuarterlyReport, label: string): Block {
  const last = latestVersion(r);
  const quarter = { year: r.year, quarter: r.quarter };
  return {
    heading: `Kvartalsrapport ${quarterLabel(quarter)} – ${label}`,
    status: `Status: inlämnad (version ${last.version})`,
    statusColor: 'Default',
    facts: [
      { label: 'Inlämnad', value: `${formatDateLong(last.submittedOn)} av ${last.submittedBy.name}` },
      { label: 'Nästa steg', value: 'Inget; behöver något rättas öppnar du rapporten och skickar en ny version.' },
    ],
    actions: [{ title: 'Öppna rapporten', verb: 'openReportForm', data: { initiativeId: r.initiativeId, quarterKey: quarterKey(quarter) } }],
  };
}

/** "mina ärenden", "mina avvikelser", "mina ansökningar", "mina rapporter": the user's own filings, each with its status, the next step and a button to open it. */
export const myCasesCommand: CommandHandler = {
  name: 'mina ärenden',
  matches: (text) => PATTERN.test(normalize(text).replace(/ sida \d{1,4}$/, '')),
  async handle(input, deps) {
    const user = input.user;
    const kind = kindOf(input.text);
    const me = user.aadObjectId;
    const blocks: Block[] = [];
    if (me && (kind === 'alla' || kind === 'avvikelser')) {
      const all = await deps.repos.deviations.listByStatus(user.associationId, ['inlämnad', 'godkänd', 'avslagen', 'återkallad']);
      // Newest first: a long history pages back in time.
      blocks.push(
        ...all
          .filter((d) => d.filedBy.aadObjectId === me)
          .sort((a, b) => b.filedAt.localeCompare(a.filedAt))
          .map(deviationBlock),
      );
    }
    if (me && (kind === 'alla' || kind === 'ansokningar')) {
      blocks.push(
        ...[...(await deps.repos.applications.listByApplicant(user.associationId, me))]
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
          .map(applicationBlock),
      );
    }
    if ((kind === 'alla' || kind === 'rapporter') && hasRole(user, 'insatsansvarig')) {
      const year = Number(deps.today().slice(0, 4));
      const [registry, reports] = await Promise.all([
        deps.repos.initiatives.getRegistry(user.associationId),
        deps.repos.reports.listForYear(user.associationId, year),
      ]);
      const label = (id: string) => registry?.initiatives.find((i) => i.id === id)?.name ?? id;
      blocks.push(...reports.filter((r) => user.initiatives.includes(r.initiativeId)).map((r) => reportBlock(r, label(r.initiativeId))));
    }
    const what = { alla: 'ärenden', avvikelser: 'avvikelser', ansokningar: 'ansökningar', rapporter: 'kvartalsrapporter' }[kind];
    const title = `Mina ${what}`;
    const emptyText = `Du har inga ${what} just nu.`;
    const { shown, page, pages } = pageSlice(blocks, pageOf(input.text), MY_CASES_PAGE_SIZE);
    const intro = blocks.length > 0 ? `Det du själv har lämnat in (${blocks.length} st).${pages > 1 ? ` Sida ${page} av ${pages}.` : ''}` : '';
    const notes = page < pages ? [{ text: `Visa fler: skriv "${withPage(input.text, page + 1)}".` }] : [];
    const view: BlocksView = { title, intro, summaryHeading: '', summary: [], blocks: shown, emptyText, notes };
    const text = [title, ...(blocks.length === 0 ? [emptyText] : shown.map((b) => `${b.heading}: ${b.status}`)), ...notes.map((n) => n.text)].join('\n');
    const reply: Reply = { card: { template: 'blocks', view }, text };
    return [reply];
  },
};
