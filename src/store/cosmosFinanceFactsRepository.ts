import { Container } from '@azure/cosmos';
import { AnnualReport, MembershipFees } from '../domain/initiatives';
import { FinanceFactsRepository } from '../ports/repositories';
import { StoredDocument, readDocument } from './documents';

type FeesDocument = StoredDocument<'membershipFees'> & { readonly year: number; readonly hasPerMember: boolean; readonly fees: MembershipFees };
type ReportDocument = StoredDocument<'annualReport'> & { readonly year: number; readonly report: AnnualReport };

export class CosmosFinanceFactsRepository implements FinanceFactsRepository {
  constructor(private readonly container: Container) {}

  async getMembershipFees(associationId: string, year: number): Promise<MembershipFees | undefined> {
    return (await readDocument<FeesDocument>(this.container, `fees-${year}`, associationId))?.fees;
  }

  async getLatestMembershipFeesBefore(associationId: string, year: number): Promise<MembershipFees | undefined> {
    const { resources } = await this.container.items
      .query<FeesDocument>(
        {
          query: 'SELECT TOP 1 * FROM c WHERE c.associationId = @a AND c.type = @t AND c.year < @y AND c.hasPerMember = true ORDER BY c.year DESC',
          parameters: [
            { name: '@a', value: associationId },
            { name: '@t', value: 'membershipFees' },
            { name: '@y', value: year },
          ],
        },
        { partitionKey: associationId },
      )
      .fetchAll();
    return resources[0]?.fees;
  }

  async saveMembershipFees(fees: MembershipFees): Promise<void> {
    const doc: FeesDocument = {
      id: `fees-${fees.year}`,
      associationId: fees.associationId,
      type: 'membershipFees',
      year: fees.year,
      hasPerMember: Object.keys(fees.perMember).length > 0,
      fees,
    };
    await this.container.items.upsert(doc);
  }

  async membershipFeeYears(associationId: string): Promise<number[]> {
    const { resources } = await this.container.items
      .query<number>(
        {
          query: 'SELECT VALUE c.year FROM c WHERE c.associationId = @a AND c.type = @t',
          parameters: [
            { name: '@a', value: associationId },
            { name: '@t', value: 'membershipFees' },
          ],
        },
        { partitionKey: associationId },
      )
      .fetchAll();
    return [...resources].sort((a, b) => a - b);
  }

  async getAnnualReport(associationId: string, year: number): Promise<AnnualReport | undefined> {
    return (await readDocument<ReportDocument>(this.container, `annual-${year}`, associationId))?.report;
  }

  async listAnnualReports(associationId: string): Promise<readonly AnnualReport[]> {
    const { resources } = await this.container.items
      .query<ReportDocument>(
        {
          query: 'SELECT * FROM c WHERE c.associationId = @a AND c.type = @t',
          parameters: [
            { name: '@a', value: associationId },
            { name: '@t', value: 'annualReport' },
          ],
        },
        { partitionKey: associationId },
      )
      .fetchAll();
    return resources.map((d) => d.report).sort((a, b) => a.year - b.year);
  }

  async saveAnnualReport(report: AnnualReport): Promise<void> {
    const doc: ReportDocument = { id: `annual-${report.year}`, associationId: report.associationId, type: 'annualReport', year: report.year, report };
    await this.container.items.upsert(doc);
  }
}
