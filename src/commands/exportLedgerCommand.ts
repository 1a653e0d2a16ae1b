import { assertMayExport, currentLedgerReport } from '../exports/exportDocuments';
import { documentDateInText } from '../exports/documentDate';
import { exportOfferReply, ledgerOffer } from '../exports/exportOfferView';
import { normalize } from '../questions/parser/text';
import { CommandHandler } from './types';

/** What may follow the name: a format, "för kallelsen", or the date the document is for. */
const SUFFIX =
  /^(\s+(som\s+(excel|pdf|fil|filer)|for\s+kallelsen|per(\s+\S+){1,3}|infor\s+(styrelsemotet|motet|styrelsens\s+mote)(\s+den)?(\s+\S+){0,3}|den(\s+\S+){1,3}))*$/;
const NAME = /^(?:(?:exportera|skapa|ta fram|ladda ned|ladda ner|skicka)\s+)?(?:den\s+)?ekonomiska?\s+information(?:en)?/;

/** "ekonomisk information", "… per 2026-06-12", "… inför styrelsemötet 12 juni": the board's table as Excel and PDF. */
export const exportLedgerCommand: CommandHandler = {
  name: 'ekonomisk information',
  matches: (text) => {
    const t = normalize(text);
    const name = NAME.exec(t);
    return name !== null && SUFFIX.test(t.slice(name[0].length));
  },
  async handle(input, deps) {
    assertMayExport(input.user);
    const perDate = documentDateInText(input.text, deps.today());
    const report = await currentLedgerReport(deps, input.user.associationId, perDate);
    return [exportOfferReply(ledgerOffer(report, perDate), input.user, input.personal ?? false, deps.fileLinks)];
  },
};
