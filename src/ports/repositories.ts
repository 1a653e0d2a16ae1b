import { ApplicationEntry, LedgerAdjustment } from '../domain/deviations';
import { LedgerSnapshot, TableRows } from '../domain/ledger';
import { ConversationRepository, DeviationRepository, SequenceRepository } from './caseRepositories';
import { ReportRepository } from './reportRepository';
import { PeopleRepository } from './peopleRepository';
import { ApplicationRepository } from './applicationRepository';
import { Reading, StatedWork } from '../domain/reading';
import { AnnualReport, InitiativeRegistry, InitiativeYearFigures, MembershipFees } from '../domain/initiatives';

export interface LedgerCatalogEntry {
  readonly asOf: string;
  readonly years: readonly number[];
}

export interface SnapshotLookup {
  /** The latest snapshot covering the year asked for (or the latest of all without a year). */
  readonly snapshot?: LedgerSnapshot;
  /** Whether a newer snapshot exists that does not cover the year. */
  readonly isLatest: boolean;
  /** Every year some snapshot covers, for "which years exist?" answers. */
  readonly availableYears: readonly number[];
  /** Approved changes since tables were published; apply with applyLedgerAdjustments. */
  readonly adjustments: readonly LedgerAdjustment[];
  /** Ansökningar as the ledger sees them (pending, granted). */
  readonly applications: readonly ApplicationEntry[];
}

/** A table read from a file in the chat, kept until the kansli saves it (nothing reaches the answers before). */
export interface PendingLedgerImport {
  readonly importId: string;
  /** What the file says; kept so rows can be placed on a card and the table assembled on any instance. */
  readonly table: TableRows;
  /** The assembled table, once every row is placed. */
  readonly snapshot?: LedgerSnapshot;
  readonly fileName: string;
  readonly importedBy: string;
  readonly importedAt: string;
  /** When it was saved as the förbund's table; a second click says so. */
  readonly savedAt?: string;
}

/** Ledger snapshots, one per förbund and asOf date; the latest asOf is current. */
export interface LedgerRepository {
  /** The latest snapshot dated on or before `date` (for a document "per" a past date), with today's decisions; filter them by date. */
  findSnapshotOnOrBefore(associationId: string, date: string): Promise<SnapshotLookup>;
  /** Whether a table dated `asOf` is stored (an import of that date replaces it, after asking). */
  hasSnapshotDated(associationId: string, asOf: string): Promise<boolean>;
  /** Keyed by importId, so sending the same file again finds the same import. */
  savePendingImport(associationId: string, pending: PendingLedgerImport): Promise<void>;
  getPendingImport(associationId: string, importId: string): Promise<PendingLedgerImport | undefined>;
  findSnapshotFor(associationId: string, year?: number): Promise<SnapshotLookup>;
  /** Stores the snapshot, replacing one with the same förbund and date. */
  saveSnapshot(snapshot: LedgerSnapshot): Promise<{ replaced: boolean }>;
  hasAny(associationId: string): Promise<boolean>;
  /** Records an approved change; recording the same case again replaces it, so retries are safe. */
  saveAdjustment(associationId: string, adjustment: LedgerAdjustment): Promise<void>;
  /** Records or updates an ansökan's place in the ledger; keyed by the case, so retries are safe. */
  saveApplicationEntry(associationId: string, entry: ApplicationEntry): Promise<void>;
}

export interface InitiativeRepository {
  getRegistry(associationId: string): Promise<InitiativeRegistry | undefined>;
  saveRegistry(registry: InitiativeRegistry): Promise<void>;
  getYearFigures(associationId: string, year: number): Promise<InitiativeYearFigures | undefined>;
  saveYearFigures(figures: InitiativeYearFigures): Promise<void>;
  /** The years that have stored utfall, ascending: for "which years exist?" answers. */
  yearsWithFigures(associationId: string): Promise<number[]>;
  /** Read-modify-write of the registry with optimistic concurrency. */
  updateRegistry(associationId: string, change: (current: InitiativeRegistry) => InitiativeRegistry): Promise<InitiativeRegistry>;
}

export interface FinanceFactsRepository {
  getMembershipFees(associationId: string, year: number): Promise<MembershipFees | undefined>;
  /** The latest year before `year` that has per-member fees, for estimating a split. */
  getLatestMembershipFeesBefore(associationId: string, year: number): Promise<MembershipFees | undefined>;
  saveMembershipFees(fees: MembershipFees): Promise<void>;
  /** The years that have medlemsavgifter, ascending. */
  membershipFeeYears(associationId: string): Promise<number[]>;
  getAnnualReport(associationId: string, year: number): Promise<AnnualReport | undefined>;
  /** Every stored annual report (one per closed year; the five-year overview gives the older ones), oldest first. */
  listAnnualReports(associationId: string): Promise<readonly AnnualReport[]>;
  saveAnnualReport(report: AnnualReport): Promise<void>;
}

/** The last reading per conversation and user, so a follow-up on any instance can change one part of it. */
export interface ReadingRepository {
  get(associationId: string, conversationKey: string): Promise<Reading | undefined>;
  save(associationId: string, conversationKey: string, reading: Reading): Promise<void>;
  /** What the asker said they work with ("Jag jobbar med Bryggan i Östhammar."), kept apart from the reading each question overwrites. */
  getStatedWork(associationId: string, conversationKey: string): Promise<StatedWork | undefined>;
  saveStatedWork(associationId: string, conversationKey: string, work: StatedWork): Promise<void>;
  clearStatedWork(associationId: string, conversationKey: string): Promise<void>;
}

export interface Repositories {
  readonly ledger: LedgerRepository;
  readonly initiatives: InitiativeRepository;
  readonly financeFacts: FinanceFactsRepository;
  readonly deviations: DeviationRepository;
  readonly sequences: SequenceRepository;
  readonly conversations: ConversationRepository;
  readonly reports: ReportRepository;
  readonly applications: ApplicationRepository;
  readonly readings: ReadingRepository;
  readonly people: PeopleRepository;
}
