import { AnnualReport, MembershipFees } from '../../domain/initiatives';
import { KIND_LABEL } from '../../domain/ledger';
import { latestEstimateColumn } from '../../finance/ledgerTotals';
import { kassalikviditet, soliditet } from '../../finance/keyRatios';
import { splitMembershipFee } from '../../finance/membershipFees';
import { formatKr, formatPercent, formatTkr, formatDate } from '../../format/swedish';
import { Fact, Reply } from '../../cards/viewModels';
import { InvalidInputError } from '../../errors';
import { QuestionContext } from '../context';
import { FORBUND, Reading } from '../../domain/reading';
import { resolveEntity } from '../parser/resolveEntity';
import { clarifyReply, figuresReply, findLedger, listInSwedish, noDataReply, readingLine } from './common';

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

export async function answerMembershipFee(ctx: QuestionContext, reading: Reading): Promise<Reply[]> {
  const year = reading.years[0] as number;
  const words = reading.subject.kind === 'member' ? reading.subject.words : [];
  const found = await feesFor(ctx, year);
  if (!found && words.length === 0) {
    const fromLedger = await ledgerMembershipFees(ctx, year);
    if (fromLedger) return [fromLedger];
  }
  if (!found) {
    const years = await ctx.repos.financeFacts.membershipFeeYears(ctx.associationId);
    const exist = years.length > 0 ? ` Det finns medlemsavgifter för ${listInSwedish(years.map(String))}.` : '';
    return [
      noDataReply(
        `Medlemsavgift ${year}`,
        year,
        `Det finns inga medlemsavgifter inlästa för ${year}.${exist}`,
        readingLine(`medlemsavgift ${year}`, FORBUND, ''),
      ),
    ];
  }
  const { fees, estimatedFrom } = found;
  const notes = estimatedFrom
    ? [
        {
          text: `Fördelningen mellan kommunerna är beräknad med ${estimatedFrom} års befolkningsandelar; den fastställs med folkmängden 1 november ${year - 1}.`,
        },
      ]
    : [];
  const source = `Enligt ${fees.source}.`;
  const members = Object.keys(fees.perMember).map((name) => ({
    id: name,
    name: name === STATE ? 'Försäkringskassan' : name,
    aliases: name === STATE ? STATE_ALIASES : [],
    qualifiers: [] as string[],
  }));
  if (words.length > 0) {
    if (members.length === 0)
      throw new InvalidInputError(`För ${year} finns bara den totala medlemsavgiften (${formatKr(fees.total)}), inte fördelningen per medlem.`);
    const resolution = resolveEntity(words, members);
    if (resolution.kind !== 'one') {
      const options = (resolution.kind === 'ambiguous' ? resolution.candidates.map((c) => c.id) : Object.keys(fees.perMember))
        .slice(0, 3)
        .map((name) => ({ label: name, question: `medlemsavgift ${name} ${year}` }));
      const message =
        resolution.kind === 'ambiguous'
          ? `Flera medlemmar passar.`
          : words.join(' ') === 'kommunen'
            ? `Vilken kommun menar du? Medlemmar: ${listInSwedish(Object.keys(fees.perMember))}.`
            : `Jag hittar ingen medlem som heter "${words.join(' ')}". Medlemmar: ${listInSwedish(Object.keys(fees.perMember))}.`;
      return [clarifyReply('Menade du …?', message, options)];
    }
    const name = resolution.entity.id;
    // A kommun's share of a year whose split is not decided is an estimate: said in words, never as the figure.
    if (estimatedFrom && name !== STATE && name !== 'Region Uppsala') {
      const years = await ctx.repos.financeFacts.membershipFeeYears(ctx.associationId);
      return [
        noDataReply(
          `Medlemsavgift ${year}: ${name}`,
          year,
          `${name}s avgift för ${year} är inte fastställd i underlaget, bara den totala medlemsavgiften (${formatKr(fees.total)}). Med ${estimatedFrom} års befolkningsandelar blir den ungefär ${formatKr(fees.perMember[name] ?? 0)}. Fastställda avgifter per medlem finns för ${listInSwedish(years.filter((y) => y !== year).map(String))}.`,
          readingLine(`medlemsavgift ${year} för ${name}`, undefined, fees.source.toLowerCase()),
        ),
      ];
    }
    const facts: Fact[] = [{ label: 'Total medlemsavgift', value: formatKr(fees.total) }];
    return [
      figuresReply(
        `Medlemsavgift ${year}: ${name}`,
        name,
        formatKr(fees.perMember[name] ?? 0),
        facts,
        notes,
        source,
        readingLine(`medlemsavgift ${year} för ${name}`, undefined, fees.source.toLowerCase()),
      ),
    ];
  }
  const facts: Fact[] = Object.entries(fees.perMember).map(([name, amount]) => ({ label: name, value: formatKr(amount) }));
  if (facts.length === 0) notes.push({ text: 'Fördelningen per medlem finns inte inläst.' });
  return [
    figuresReply(
      `Medlemsavgifter ${year}`,
      'Totalt',
      formatKr(fees.total),
      facts,
      notes,
      source,
      readingLine(`medlemsavgifter ${year} totalt`, FORBUND, fees.source.toLowerCase()),
    ),
  ];
}

/** A year whose fees are not decided yet: the Medlemsavgifter line of the ekonomisk information, in tkr like the table. */
async function ledgerMembershipFees(ctx: QuestionContext, year: number): Promise<Reply | undefined> {
  const lookup = await findLedger(ctx, year);
  const snapshot = lookup.snapshot;
  const column = snapshot ? latestEstimateColumn(snapshot.columns, year) : undefined;
  const line = snapshot?.lines.find((l) => l.group === 'membership_fees');
  if (!snapshot || !column || !line) return undefined;
  const label = `${KIND_LABEL[column.kind]} ${year}`;
  const notes = [{ text: `Medlemsavgifterna för ${year} är inte fastställda per medlem ännu; beloppet är raden i ekonomisk information.` }];
  return figuresReply(
    `Medlemsavgifter ${year}`,
    `Medlemsavgifter, ${label}`,
    formatTkr(line.amounts[column.key] ?? 0),
    [],
    notes,
    `Enligt ekonomisk information per ${formatDate(snapshot.asOf)}, ${KIND_LABEL[column.kind]}.`,
    readingLine(`medlemsavgifter ${label}`, FORBUND, `ekonomisk information per ${formatDate(snapshot.asOf)}`),
  );
}

type BalanceMeasure = 'soliditet' | 'kassalikviditet' | 'equity';
const LABELS: Readonly<Record<BalanceMeasure, string>> = { soliditet: 'Soliditet', kassalikviditet: 'Kassalikviditet', equity: 'Eget kapital' };

/** Key ratios and eget kapital from the annual report of a closed year. */
export async function answerBalance(ctx: QuestionContext, reading: Reading & { measure: BalanceMeasure }): Promise<Reply[]> {
  const year = reading.years[0] as number;
  const measure = reading.measure;
  const label = LABELS[measure];
  const report = await ctx.repos.financeFacts.getAnnualReport(ctx.associationId, year);
  const figure = report ? balanceFigure(measure, report) : undefined;
  if (!report || !figure) {
    const reports = await ctx.repos.financeFacts.listAnnualReports(ctx.associationId);
    const years = reports.filter((r) => balanceFigure(measure, r) !== undefined).map((r) => r.year);
    const message =
      years.length > 0
        ? `Det finns ${label.toLowerCase()} för ${listInSwedish(years.map(String))}.`
        : reports.length > 0
          ? `Årsredovisningarna som är inlästa (${listInSwedish(reports.map((r) => String(r.year)))}) har inte ${label.toLowerCase()}.`
          : 'Det finns ingen årsredovisning inläst ännu.';
    return [noDataReply(`${label} ${year}`, year, message, readingLine(`${label.toLowerCase()} ${year}`, FORBUND, ''))];
  }
  const source = `Enligt ${report.source}${figure.fromBalance ? `, balansräkningen per ${year}-12-31` : ''}.`;
  return [
    figuresReply(
      `${label} ${year}`,
      label,
      figure.value,
      figure.facts,
      figure.notes,
      source,
      readingLine(`${label.toLowerCase()} ${year}`, FORBUND, report.source.toLowerCase()),
    ),
  ];
}

function balanceFigure(
  measure: BalanceMeasure,
  report: AnnualReport,
): { value: string; facts: Fact[]; notes: { text: string }[]; fromBalance: boolean } | undefined {
  const { equity, totalAssets, currentAssets, currentLiabilities } = report;
  if (measure === 'equity') {
    if (equity === undefined) return undefined;
    const facts =
      report.reserveFund !== undefined
        ? [
            { label: 'Varav bunden reservfond', value: formatKr(report.reserveFund) },
            { label: 'Fritt eget kapital', value: formatKr(equity - report.reserveFund) },
          ]
        : [];
    return { value: formatKr(equity), facts, notes: [], fromBalance: true };
  }
  if (measure === 'soliditet') {
    if (equity !== undefined && totalAssets !== undefined) {
      const facts = [
        { label: 'Eget kapital', value: formatKr(equity) },
        { label: 'Totalt kapital', value: formatKr(totalAssets) },
      ];
      return {
        value: formatPercent(soliditet(equity, totalAssets)),
        facts,
        notes: [{ text: 'Soliditet = eget kapital ÷ totalt kapital.' }],
        fromBalance: true,
      };
    }
    if (report.soliditetPercent === undefined) return undefined;
    return {
      value: formatPercent(report.soliditetPercent),
      facts: [],
      notes: [{ text: 'Soliditet = eget kapital ÷ totalt kapital, enligt årsredovisningens femårsöversikt.' }],
      fromBalance: false,
    };
  }
  if (currentAssets === undefined || currentLiabilities === undefined) return undefined;
  const facts = [
    { label: 'Omsättningstillgångar', value: formatKr(currentAssets) },
    { label: 'Kortfristiga skulder', value: formatKr(currentLiabilities) },
  ];
  return {
    value: formatPercent(kassalikviditet(currentAssets, currentLiabilities)),
    facts,
    notes: [{ text: 'Kassalikviditet = omsättningstillgångar ÷ kortfristiga skulder.' }],
    fromBalance: true,
  };
}

/** Den bundna reservfonden, from the ledger table that covers the year. */
export async function answerReserveFund(ctx: QuestionContext, reading: Reading): Promise<Reply[]> {
  const year = reading.years[0] as number;
  const lookup = await findLedger(ctx, year);
  const snapshot = lookup.snapshot ?? (await findLedger(ctx)).snapshot;
  if (!snapshot) return [noDataReply(`Reservfond ${year}`, year, 'Ingen ekonomisk information är inläst ännu.')];
  const notes = [{ text: 'Reservfonden är bunden: den ingår i eget kapital men aldrig i beslutsutrymmet.' }];
  return [
    figuresReply(
      'Bunden reservfond',
      'Reservfond',
      formatTkr(snapshot.reserveFund),
      [],
      notes,
      `Enligt ekonomisk information per ${formatDate(snapshot.asOf)}.`,
      readingLine('bunden reservfond', FORBUND, `ekonomisk information per ${formatDate(snapshot.asOf)}`),
    ),
  ];
}
