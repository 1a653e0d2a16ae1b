import { Container } from '@azure/cosmos';
import { Application } from '../domain/applications';
import { ApplicationRepository } from '../ports/applicationRepository';
import { StoredDocument, assertNoPersonalData, isStatus, readDocument, replaceIfMatch, updateWithRetry } from './documents';

type ApplicationDocument = StoredDocument<'application'> & Application;

function toApplication(doc: ApplicationDocument): Application {
  const { type: _type, _rid, _self, _ts, _attachments, ...rest } = doc as ApplicationDocument & Record<string, unknown>;
  return rest as unknown as Application;
}

export class CosmosApplicationRepository implements ApplicationRepository {
  constructor(private readonly container: Container) {}

  async create(application: Application): Promise<Application> {
    assertNoPersonalData(application);
    const { resource } = await this.container.items.create<ApplicationDocument>({ ...application, type: 'application' });
    return toApplication(resource as ApplicationDocument);
  }

  async get(associationId: string, id: string): Promise<Application | undefined> {
    const doc = await readDocument<ApplicationDocument>(this.container, id, associationId);
    return doc && doc.type === 'application' ? toApplication(doc) : undefined;
  }

  async replaceIfUnchanged(read: Application, next: Application): Promise<Application | undefined> {
    const written = await replaceIfMatch<ApplicationDocument>(
      this.container,
      { ...next, type: 'application' },
      (read as Partial<ApplicationDocument>)._etag as string,
    );
    return written ? toApplication(written) : undefined;
  }

  async update(associationId: string, id: string, change: (current: Application) => Application): Promise<Application> {
    const doc = await updateWithRetry<ApplicationDocument>(this.container, id, associationId, (current) => {
      if (!current) throw new Error(`ansökan ${id} saknas`);
      const read = toApplication(current);
      const next = change(read);
      return next === read ? current : { ...next, type: 'application', _etag: current._etag };
    });
    return toApplication(doc);
  }

  async remove(associationId: string, id: string): Promise<void> {
    try {
      await this.container.item(id, associationId).delete();
    } catch (err) {
      if (!isStatus(err, 404)) throw err;
    }
  }

  async listUnfinished(): Promise<readonly Application[]> {
    const { resources } = await this.container.items
      .query<ApplicationDocument>({
        query: 'SELECT * FROM c WHERE c.type = @type AND (c.kansliNotified = false OR c.decisionFinished = false)',
        parameters: [{ name: '@type', value: 'application' }],
      })
      .fetchAll();
    return resources.map(toApplication);
  }

  async listByApplicant(associationId: string, aadObjectId: string): Promise<readonly Application[]> {
    const { resources } = await this.container.items
      .query<ApplicationDocument>(
        {
          query: 'SELECT * FROM c WHERE c.type = @type AND c.applicant.aadObjectId = @aad',
          parameters: [
            { name: '@type', value: 'application' },
            { name: '@aad', value: aadObjectId },
          ],
        },
        { partitionKey: associationId },
      )
      .fetchAll();
    return resources.map(toApplication).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async listDelegationDecisions(associationId: string, from: string, to: string): Promise<readonly Application[]> {
    const { resources } = await this.container.items
      .query<ApplicationDocument>(
        {
          // "by" is a keyword in Cosmos SQL, so the property is read with brackets.
          query: 'SELECT * FROM c WHERE c.type = @type AND c.decision["by"] = @by AND c.decision.decidedOn >= @from AND c.decision.decidedOn <= @to',
          parameters: [
            { name: '@type', value: 'application' },
            { name: '@by', value: 'delegation' },
            { name: '@from', value: from },
            { name: '@to', value: to },
          ],
        },
        { partitionKey: associationId },
      )
      .fetchAll();
    return resources.map(toApplication);
  }
}
