import { DateTime } from 'luxon';
import { Fact, Reply } from '../cards/viewModels';
import { formatDate, formatDateLong, formatKr, formatTkr } from '../format/swedish';
import { UserIdentity } from '../roles/roleDirectory';
import { ExportDocument, ExportFormat, ExportRequest, FileLinkIssuer } from './fileLinks';
import { LedgerReport } from './ledgerReport';
import { RegisterDocument } from './registerReport';
import { FollowUp } from '../reports/compileFollowUp';
import { periodLabel } from '../reports/followUpViews';

export const SEND_EXPORT_VERB = 'sendExportFile';
const FORMAT_LABEL: Readonly<Record<ExportFormat, string>> = { xlsx: 'Excel', pdf: 'PDF' };
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A document offered as files: what the card says about it, and what a link or a file consent must name to build it again. */
export interface DocumentOffer {
  readonly title: string;
  readonly intro: string;
  readonly facts: readonly Fact[];
  readonly source: string;
  readonly document: ExportDocument;
  readonly period?: string;
  /** What to write to get new links. */
  readonly command: string;
}

export function ledgerOffer(report: LedgerReport, perDate?: string): DocumentOffer {
  return {
    // The date held together, so it does not break at a phone's width.
    title: `Ekonomisk information per ${formatDate(report.createdOn)}`,
    intro:
      'Förbundets tabell för kallelsen, som Excel (med formler för summorna) och som PDF. Siffrorna är desamma som i mina svar: tabellen med besluten efter den.',
    facts: [
      { label: 'Tabellens datum', value: formatDateLong(report.asOf) },
      {
        label: 'Beslut efter tabellen',
        value: `${count(report.applied.length, 'avvikelse', 'avvikelser')}, ${count(report.grants.length, 'beviljad ansökan', 'beviljade ansökningar')}`,
      },
      { label: 'Ansökningar som väntar', value: String(report.pending.length) },
      ...report.chart.flatMap((c) => {
        const amount = c.forecast ?? c.budget;
        const kind =
          c.forecast !== undefined
            ? 'prognos'
            : report.columns.some((r) => r.column.year === c.year && r.column.kind === 'budget')
              ? 'budget'
              : 'preliminär budget';
        return amount === undefined ? [] : [{ label: `Beslutsutrymme ${c.year}`, value: `${formatTkr(amount)} (${kind})` }];
      }),
    ],
    source: report.source,
    document: 'ekonomisk-information',
    ...(perDate ? { period: perDate } : {}),
    command: perDate ? `ekonomisk information per ${perDate}` : 'ekonomisk information',
  };
}

export function registerOffer(register: RegisterDocument, period: string, command: string): DocumentOffer {
  const numbers = register.items.map((i) => i.number).filter(Boolean);
  return {
    title: register.title.replace(/\d{4}-\d{2}-\d{2}/g, formatDate),
    intro: `${register.intro} Som Excel och PDF att bifoga kallelsen: nummer, datum, ärende, beslut, beslutsfattare och belopp.`,
    facts: [
      { label: 'Beslut', value: String(register.items.length) },
      ...(numbers.length > 0 ? [{ label: 'Nummer', value: `${numbers[0]} – ${numbers[numbers.length - 1]}` }] : []),
      { label: 'Summa belopp', value: formatKr(register.total) },
    ],
    source: `Källa: delegationsbesluten i förbundets register per ${register.createdOn}.`,
    document: 'delegationsbeslut',
    period,
    command,
  };
}

export function followUpOffer(f: FollowUp, quarter: string, createdOn: string, command: string): DocumentOffer {
  const reported = f.status.length;
  return {
    title: `Uppföljning ${periodLabel(f)}`,
    intro:
      'De fyra tabellerna för styrelsen (nuläge, budget, kvalitetssäkring, deltagare) som Excel, en flik per tabell med tal som tal och formler för summorna, och som PDF.',
    facts: [
      { label: 'Insatser', value: String(f.initiatives.length) },
      { label: 'Med kvartalsrapport', value: String(reported) },
      { label: 'Förbrukningsgrad totalt', value: f.budgetTotal.reported && f.budgetTotal.percent !== undefined ? `${f.budgetTotal.percent} %` : '–' },
    ],
    source: `Källa: kvartalsrapporterna i förbundets register per ${createdOn}.`,
    document: 'uppfoljning',
    period: quarter,
    command,
  };
}

/**
 * The card that offers a document as files: the key figures, the source line, links (valid
 * 15 minutes) and, in the personal chat, the files themselves through Teams' file consent.
 */
export function exportOfferReply(offer: DocumentOffer, user: UserIdentity, personal: boolean, links: FileLinkIssuer | undefined): Reply {
  const requests: readonly ExportRequest[] = (['xlsx', 'pdf'] as const).map((format) => ({
    document: offer.document,
    format,
    ...(offer.period ? { period: offer.period } : {}),
  }));
  const made = requests.map((request) => ({ request, link: links?.linkFor(user, request) }));
  const expires = made.find((m) => m.link)?.link?.expires;
  const linkNote =
    expires !== undefined
      ? `Länkarna gäller till kl. ${DateTime.fromSeconds(expires).setZone('Europe/Stockholm').toFormat('HH:mm')} och bara för dig. Skriv "${offer.command}" igen för nya länkar.`
      : personal
        ? ''
        : `Nedladdningslänkar finns inte här. Skriv "${offer.command}" till mig i en personlig chatt, så skickar jag filerna dit.`;
  return {
    text: `${offer.title}: ${offer.source}`,
    card: {
      template: 'exportOffer',
      view: {
        title: offer.title,
        intro: offer.intro,
        facts: offer.facts,
        source: offer.source,
        items: [],
        linkNote,
        links: made.flatMap((m) => (m.link ? [{ title: `Ladda ned ${FORMAT_LABEL[m.request.format]}`, url: m.link.url }] : [])),
        actions: personal
          ? requests.map((request) => ({ title: `Skicka ${FORMAT_LABEL[request.format]}-filen hit`, verb: SEND_EXPORT_VERB, data: { ...request } }))
          : [],
      },
    },
  };
}
