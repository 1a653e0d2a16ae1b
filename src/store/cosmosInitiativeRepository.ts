import { Container } from '@azure/cosmos';
import { InitiativeRegistry, InitiativeYearFigures } from '../domain/initiatives';
import { InitiativeRepository } from '../ports/repositories';
import { NotFoundError } from '../errors';
import { StoredDocument, readDocument, updateWithRetry } from './documents';

type RegistryDocument = StoredDocument<'initiativeRegistry'> & { readonly registry: InitiativeRegistry };
type FiguresDocument = StoredDocument<'initiativeYearFigures'> & { readonly figures: InitiativeYearFigures };

const REGISTRY_ID = 'registry';
const figuresId = (year: number) => `figures-${year}`;

export class CosmosInitiativeRepository implements InitiativeRepository {
  constructor(private readonly container: Container) {}

  async getRegistry(associationId: string): Promise<InitiativeRegistry | undefined> {
    return (await readDocument<RegistryDocument>(this.container, REGISTRY_ID, associationId))?.registry;
  }

  async saveRegistry(registry: InitiativeRegistry): Promise<void> {
    const doc: RegistryDocument = { id: REGISTRY_ID, associationId: registry.associationId, type: 'initiativeRegistry', registry };
    await this.container.items.upsert(doc);
  }

  async updateRegistry(associationId: string, change: (current: InitiativeRegistry) => InitiativeRegistry): Promise<InitiativeRegistry> {
    const doc = await updateWithRetry<RegistryDocument>(this.container, REGISTRY_ID, associationId, (current) => {
      if (!current) throw new NotFoundError('Det finns inga insatser inlästa för förbundet.');
      return { ...current, registry: change(current.registry) };
    });
    return doc.registry;
  }

  async getYearFigures(associationId: string, year: number): Promise<InitiativeYearFigures | undefined> {
    return (await readDocument<FiguresDocument>(this.container, figuresId(year), associationId))?.figures;
  }

  async saveYearFigures(figures: InitiativeYearFigures): Promise<void> {
    const doc: FiguresDocument = { id: figuresId(figures.year), associationId: figures.associationId, type: 'initiativeYearFigures', figures };
    await this.container.items.upsert(doc);
  }

  async yearsWithFigures(associationId: string): Promise<number[]> {
    const { resources } = await this.container.items
      .query<number>(
        {
          query: 'SELECT VALUE c.figures.year FROM c WHERE c.associationId = @a AND c.type = @t',
          parameters: [
            { name: '@a', value: associationId },
            { name: '@t', value: 'initiativeYearFigures' },
          ],
        },
        { partitionKey: associationId },
      )
      .fetchAll();
    return [...resources].sort((a, b) => a - b);
  }
}
