import { readFileSync } from 'fs';
import path from 'path';
import { AnnualReport, Initiative, InitiativeYearFigures, MembershipFees } from '../domain/initiatives';
import { toKronor } from '../domain/money';
import { parseLedgerFile } from '../importer/ledgerFile';
import { demoReportsFromFollowUp } from './demoReports';
import { Repositories } from '../ports/repositories';

/** The project's copy of the förbund's published figures. */
export const PROJECT_DATA_DIR = path.resolve(__dirname, '../../../data');
const LEDGER_FILES = ['uppsala-2022-11-17.ledger.json', 'uppsala-2026-03-26.ledger.json'];
const FOLLOW_UP_FILE = 'uppsala-2025-uppfoljning.json';

interface FollowUpFile {
  initiatives: (Omit<Initiative, 'note'> & { note?: string; status2025?: Record<string, string> })[];
  participants2025: { rows: Record<string, [number, number][]> };
  spending2025: { initiative: string; budget2025: number; actual2025: number; actual2024: number }[];
  membershipFees: Record<string, Record<string, number> | number | string>;
  annualReport2025: { fiveYearOverview: FiveYearOverview; balance2025: Record<string, number> };
}

interface FiveYearOverview {
  years: number[];
  income: number[];
  costs: number[];
  result: number[];
  soliditetPercent: number[];
}

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(path.join(PROJECT_DATA_DIR, name), 'utf8')) as T;
}

/** Loads Uppsala's ledgers and 2025 follow-up when the store has nothing for the förbund yet. */
export async function seedDemoDataIfEmpty(repos: Repositories, associationId = 'uppsala'): Promise<boolean> {
  if (await repos.ledger.hasAny(associationId)) return false;
  const followUp = readJson<FollowUpFile>(FOLLOW_UP_FILE);
  await repos.initiatives.saveRegistry({ associationId, initiatives: followUp.initiatives.map(withBryggansContinuation) });
  const figures2025 = yearFigures2025(associationId, followUp);
  await repos.initiatives.saveYearFigures(figures2025);
  await seedReports2025(repos, associationId, followUp, figures2025);
  await seedFinanceFacts(repos, associationId, followUp);
  // Ledgers last: their catalog is what marks the förbund as seeded.
  for (const file of LEDGER_FILES) await repos.ledger.saveSnapshot(parseLedgerFile(readJson(file)));
  return true;
}

/** The 2026 ledger funds Bryggan 2026–2028; the decision is not in the documents, so the continuation is assumed. */
function withBryggansContinuation(i: FollowUpFile['initiatives'][number]): FollowUpFile['initiatives'][number] {
  if (i.id !== 'bryggan') return i;
  return {
    ...i,
    period: { start: i.period.start, end: '2028-12-31' },
    note: 'Första perioden 2023-09-01–2025-12-31; fortsätter 2026–2028 enligt ekonomisk information 2026-03-26 (beslutet finns inte i underlagen).',
  };
}

function yearFigures2025(associationId: string, followUp: FollowUpFile): InitiativeYearFigures {
  const tkr = (v: number) => toKronor(v, 'tkr');
  return {
    associationId,
    year: 2025,
    asOf: '2025-12-31',
    figures: followUp.spending2025.map((s) => ({
      initiativeId: s.initiative,
      budget: tkr(s.budget2025),
      actual: tkr(s.actual2025),
      actualPreviousYear: tkr(s.actual2024),
      // Framsteget's 142 tkr overrun was covered by an approved addition (the paper's adjusted column shows 100 %).
      budgetAdjustments: s.initiative === 'framsteget' ? [tkr(142)] : [],
    })),
  };
}

/** Quarterly reports for 2025 recreated from the published follow-up, so "uppföljning 2025" can be compiled. */
async function seedReports2025(repos: Repositories, associationId: string, followUp: FollowUpFile, figures2025: InitiativeYearFigures): Promise<void> {
  const registry = (await repos.initiatives.getRegistry(associationId))?.initiatives ?? [];
  const statusOf = new Map(followUp.initiatives.map((i) => [i.id, i.status2025]));
  const actual = Object.fromEntries(figures2025.figures.map((f) => [f.initiativeId, f.actual]));
  const reports = demoReportsFromFollowUp(associationId, 2025, {
    initiatives: registry.map((i) => ({ ...i, status2025: statusOf.get(i.id) })),
    rows: followUp.participants2025.rows,
    actual,
  });
  for (const report of reports) {
    const { version: _number, ...version } = report.versions[0] as (typeof report.versions)[number];
    await repos.reports.addVersion(associationId, report.initiativeId, report, version);
  }
}

/** Medlemsavgifter 2024–2026 and the annual reports of the five-year overview. */
async function seedFinanceFacts(repos: Repositories, associationId: string, followUp: FollowUpFile): Promise<void> {
  for (const year of [2024, 2025]) {
    const perMember = followUp.membershipFees[String(year)] as Record<string, number>;
    const fees: MembershipFees = {
      associationId,
      year,
      total: Object.values(perMember).reduce((a, b) => a + b, 0),
      perMember,
      source: `Årsredovisning ${year}, not 1`,
    };
    await repos.financeFacts.saveMembershipFees(fees);
  }
  await repos.financeFacts.saveMembershipFees({
    associationId,
    year: 2026,
    total: followUp.membershipFees['2026total'] as number,
    perMember: {},
    source: 'Ekonomisk information 2026-03-26',
  });
  for (const report of annualReports(associationId, followUp.annualReport2025)) await repos.financeFacts.saveAnnualReport(report);
}

/** Every year of the five-year overview; the latest also with its balance sheet and årets resultat. */
function annualReports(associationId: string, source: FollowUpFile['annualReport2025']): AnnualReport[] {
  const overview = source.fiveYearOverview;
  const b = source.balance2025;
  const latest = Math.max(...overview.years);
  return overview.years.map((year, i) => {
    const tkr = (values: number[]) => toKronor(Math.abs(values[i] ?? 0), 'tkr');
    const base: AnnualReport = {
      associationId,
      year,
      income: tkr(overview.income),
      costs: tkr(overview.costs),
      operatingResult: toKronor(overview.result[i] ?? 0, 'tkr'),
      soliditetPercent: overview.soliditetPercent[i] as number,
      source: `Årsredovisning ${latest}, översikt över verksamhetens utveckling`,
    };
    if (year !== latest) return base;
    return {
      ...base,
      result: b.aretsResultat,
      equity: b.summaEgetKapital,
      totalAssets: b.summaTillgangar,
      currentAssets: b.omsattningstillgangar,
      currentLiabilities: b.kortfristigaSkulder,
      reserveFund: b.bundenReservfond,
      source: `Årsredovisning ${year}`,
    };
  });
}
