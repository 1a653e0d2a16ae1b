import { DateTime } from 'luxon';
import { Reply } from '../cards/viewModels';
import { formatDate, formatDateLong, formatTkr } from '../format/swedish';
import { UserIdentity } from '../roles/roleDirectory';
import { ExportFormat, ExportRequest, FileLinkIssuer } from './fileLinks';
import { LedgerReport } from './ledgerReport';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const SEND_EXPORT_VERB = 'sendExportFile';
const FORMAT_LABEL: Readonly<Record<ExportFormat, string>> = { xlsx: 'Excel', pdf: 'PDF' };

/**
 * The card that offers "Ekonomisk information" as files: the key figures, the source line, links
 * (valid 15 minutes) and, in the personal chat, the files themselves through Teams' file consent.
 */
export function exportOfferReply(report: LedgerReport, user: UserIdentity, personal: boolean, links: FileLinkIssuer | undefined): Reply {
  const requests: readonly ExportRequest[] = [{ document: 'ekonomisk-information', format: 'xlsx' }, { document: 'ekonomisk-information', format: 'pdf' }];
  const made = requests.map((request) => ({ request, link: links?.linkFor(user, request) }));
  const expires = made.find((m) => m.link)?.link?.expires;
  const facts = [
    { label: 'Tabellens datum', value: formatDateLong(report.asOf) },
    { label: 'Beslut efter tabellen', value: `${count(report.applied.length, 'avvikelse', 'avvikelser')}, ${count(report.grants.length, 'beviljad ansökan', 'beviljade ansökningar')}` },
    { label: 'Ansökningar som väntar', value: String(report.pending.length) },
    ...report.chart.flatMap((c) => {
      const amount = c.forecast ?? c.budget;
      const kind = c.forecast !== undefined ? 'prognos' : report.columns.some((r) => r.column.year === c.year && r.column.kind === 'budget') ? 'budget' : 'preliminär budget';
      return amount === undefined ? [] : [{ label: `Beslutsutrymme ${c.year}`, value: `${formatTkr(amount)} (${kind})` }];
    }),
  ];
  const linkNote = expires !== undefined
    ? `Länkarna gäller till kl. ${DateTime.fromSeconds(expires).setZone('Europe/Stockholm').toFormat('HH:mm')} och bara för dig. Skriv "ekonomisk information" igen för nya länkar.`
    : personal
      ? ''
      : 'Nedladdningslänkar finns inte här. Skriv "ekonomisk information" till mig i en personlig chatt, så skickar jag filerna dit.';
  return {
    text: `${report.title}: ${report.source}`,
    card: {
      template: 'exportOffer',
      view: {
        // The document's title, with a date that does not break at a phone's width.
        title: `Ekonomisk information per ${formatDate(report.createdOn)}`,
        intro: 'Förbundets tabell för kallelsen, som Excel (med formler för summorna) och som PDF. Siffrorna är desamma som i mina svar: tabellen med besluten efter den.',
        facts,
        source: report.source,
        linkNote,
        links: made.flatMap((m) => (m.link ? [{ title: `Ladda ned ${FORMAT_LABEL[m.request.format]}`, url: m.link.url }] : [])),
        actions: personal ? requests.map((request) => ({ title: `Skicka ${FORMAT_LABEL[request.format]}-filen hit`, verb: SEND_EXPORT_VERB, data: { ...request } })) : [],
      },
    },
  };
}
