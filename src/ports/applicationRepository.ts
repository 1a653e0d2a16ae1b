import { Application } from '../domain/applications';

export interface ApplicationRepository {
  create(application: Application): Promise<Application>;
  get(associationId: string, id: string): Promise<Application | undefined>;
  /** Replaces only if nobody changed it since `read` (ETag); undefined when someone else wrote first. */
  replaceIfUnchanged(read: Application, next: Application): Promise<Application | undefined>;
  update(associationId: string, id: string, change: (current: Application) => Application): Promise<Application>;
  /** Only a draft may go; a submitted ansökan is a public record. */
  remove(associationId: string, id: string): Promise<void>;
  /** The applicant's applications, newest first. */
  listByApplicant(associationId: string, aadObjectId: string): Promise<readonly Application[]>;
  /** Applications decided on delegation with a decision date in [from, to]. */
  listDelegationDecisions(associationId: string, from: string, to: string): Promise<readonly Application[]>;
  /** Every förbund's ansökningar left half-done by a crash: the kansli not told, or a decision without its effects. */
  listUnfinished(): Promise<readonly Application[]>;
}
