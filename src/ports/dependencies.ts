import { Repositories } from './repositories';
import { Notifier } from './caseRepositories';
import { RoleDirectory } from '../roles/roleDirectory';
import { FileLinkIssuer } from './documents';

/** What every handler may use; no Bot Framework types, so handlers survive a move to the Agents SDK. */
export interface HandlerDependencies {
  readonly repos: Repositories;
  /** Today in Europe/Stockholm, ISO date. */
  readonly today: () => string;
  readonly now: () => Date;
  readonly directory: RoleDirectory;
  readonly notifier: Notifier;
  /** Ansökningar up to this many kronor in total may be decided by the förbundschef on delegation. */
  readonly delegationLimitKr: number;
  /** Runs what may follow the answer (messages to others) after it; see src/jobs/afterTurn.ts. */
  readonly afterTurn: (label: string, task: () => Promise<void>) => void;
  /** After this long a document being built gets a "Skapar …" message (ms). */
  readonly progressAfterMs?: number;
  /** Signed download links; undefined when the server has no link secret (then files go only through the chat). */
  readonly fileLinks?: FileLinkIssuer;
}
