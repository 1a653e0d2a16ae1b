import { MembershipFees } from '../../domain/initiatives';
import { kassalikviditet, soliditet } from '../../finance/keyRatios';
import { splitMembershipFee } from '../../finance/membershipFees';
import { formatKr, formatPercent } from '../../format/swedish';
import { Fact, Reply } from '../../cards/viewModels';
import { InvalidInputError } from '../../errors';
import { QuestionContext, currentYearOf } from '../context';
import { resolveEntity } from '../parser/resolveEntity';
import { listInSwedish, noDataReply, plainText } from './common';

const STATE = 'Försäkringskassan/Arbetsförmedlingen';
const STATE_ALIASES = ['staten', 'fk', 'af', 'arbetsformedlingen', 'forsakringskassan'];

function isMunicipality(name: string): boolean {
  return name !== STATE && !/^region\b/i.test(name);
}

/** Per-member fees for the year: recorded ones, or the total split by the rule with the latest known kommun shares. */
async function feesFor(ctx: QuestionContext, year: number): Promise<{ fees: MembershipFees; estimatedFrom?: number } | undefined> {
  const fees = await ctx.repos.financeFacts.getMembershipFees(ctx.associationId, year);
  if (!fees) return undefined;
  if (Object.keys(fees.perMember).length > 0) return { fees };
  const previous = await ctx.repos.financeFacts.getLatestMembershipFeesBefore(ctx.associationId, year);
  if (!previous) return { fees };
  const names = Object.keys(previous.perMember);
  const region = names.find((n) => /^region\b/i.test(n));
  const kommuner = names.filter(isMunicipality).map((name) => ({ name, population: previous.perMember[name] ?? 0 }));
  const split = splitMembershipFee(fees.total, kommuner);
  const perMember: Record<string, number> = { [STATE]: split.state, ...(region ? { [region]: split.region } : {}) };
  for (const m of split.municipalities) perMember[m.name] = m.amount;
  return { fees: { ...fees, perMember }, estimatedFrom: previous.year };
}

export async function answerMembershipFee(ctx: QuestionContext, words: readonly string[], years: readonly number[]): Promise<Reply[]> {
  const year = years[0] ?? currentYearOf(ctx);
  const found = await feesFor(ctx, year);
  if (!found) return [noDataReply(`Medlemsavgift ${year}`, year, `Det finns inga medlemsavgifter inlästa för ${year}.`)];
  const { fees, estimatedFrom } = found;
  const notes = estimatedFrom
    ? [{ text: `Fördelningen mellan kommunerna är beräknad med ${estimatedFrom} års befolkningsandelar; den fastställs med folkmängden 1 november ${year - 1}.` }]
    : [];
  const source = `Enligt ${fees.source}.`;
  const members = Object.keys(fees.perMember).map((name) => ({ id: name, name: name === STATE ? 'Försäkringskassan' : name, aliases: name === STATE ? STATE_ALIASES : [], qualifiers: [] as string[] }));
  if (words.length > 0) {
    if (members.length === 0) throw new InvalidInputError(`För ${year} finns bara den totala medlemsavgiften (${formatKr(fees.total)}), inte fördelningen per medlem.`);
    const resolution = resolveEntity(words, members);
    if (resolution.kind === 'ambiguous') throw new InvalidInputError(`Menar du ${listInSwedish(resolution.candidates.map((c) => c.id))}?`);
    if (resolution.kind === 'none') throw new InvalidInputError(`Jag hittar ingen medlem som heter "${words.join(' ')}". Medlemmar: ${listInSwedish(Object.keys(fees.perMember))}.`);
    const name = resolution.entity.id;
    const facts: Fact[] = [{ label: 'Total medlemsavgift', value: formatKr(fees.total) }];
    const title = `Medlemsavgift ${year}: ${name}`;
    const value = formatKr(fees.perMember[name] ?? 0);
    return [{ card: { template: 'figures', view: { title, headlineLabel: name, headlineValue: value, facts, notes, source } }, text: plainText(title, value, facts, notes, source) }];
  }
  const facts: Fact[] = Object.entries(fees.perMember).map(([name, amount]) => ({ label: name, value: formatKr(amount) }));
  if (facts.length === 0) notes.push({ text: 'Fördelningen per medlem finns inte inläst.' });
  const title = `Medlemsavgifter ${year}`;
  return [{ card: { template: 'figures', view: { title, headlineLabel: 'Totalt', headlineValue: formatKr(fees.total), facts, notes, source } }, text: plainText(title, formatKr(fees.total), facts, notes, source) }];
}

export async function answerKeyRatio(ctx: QuestionContext, ratio: 'soliditet' | 'kassalikviditet', years: readonly number[]): Promise<Reply[]> {
  const report = years[0] !== undefined ? await ctx.repos.financeFacts.getAnnualReport(ctx.associationId, years[0]) : await ctx.repos.financeFacts.getLatestAnnualReport(ctx.associationId);
  const label = ratio === 'soliditet' ? 'Soliditet' : 'Kassalikviditet';
  if (!report) {
    const year = years[0] ?? currentYearOf(ctx);
    return [noDataReply(`${label} ${year}`, year, years[0] === undefined ? 'Det finns ingen årsredovisning inläst ännu.' : `Det finns ingen årsredovisning inläst för ${year}.`)];
  }
  const [value, facts]: [number | undefined, Fact[]] =
    ratio === 'soliditet'
      ? [soliditet(report.equity, report.totalAssets), [{ label: 'Eget kapital', value: formatKr(report.equity) }, { label: 'Totalt kapital', value: formatKr(report.totalAssets) }]]
      : [kassalikviditet(report.currentAssets, report.currentLiabilities), [{ label: 'Omsättningstillgångar', value: formatKr(report.currentAssets) }, { label: 'Kortfristiga skulder', value: formatKr(report.currentLiabilities) }]];
  const title = `${label} ${report.year}`;
  const source = `Enligt årsredovisningen ${report.year}, balansräkningen per ${report.year}-12-31.`;
  const notes = ratio === 'soliditet' ? [{ text: 'Soliditet = eget kapital ÷ totalt kapital.' }] : [{ text: 'Kassalikviditet = omsättningstillgångar ÷ kortfristiga skulder.' }];
  return [{ card: { template: 'figures', view: { title, headlineLabel: label, headlineValue: formatPercent(value), facts, notes, source } }, text: plainText(title, formatPercent(value), facts, notes, source) }];
}
