import { assertMayExport, currentLedgerReport } from '../exports/exportDocuments';
import { exportOfferReply, ledgerOffer } from '../exports/exportOfferView';
import { normalize } from '../questions/parser/text';
import { CommandHandler } from './types';

/** "ekonomisk information", "exportera ekonomisk information": the board's table as Excel and PDF. */
export const exportLedgerCommand: CommandHandler = {
  name: 'ekonomisk information',
  matches: (text) => /^(?:(?:exportera|skapa|ta fram|ladda ned|ladda ner|skicka)\s+)?(?:den\s+)?ekonomiska?\s+information(?:en)?(?:\s+som\s+(?:excel|pdf|fil|filer))?$/.test(normalize(text)),
  async handle(input, deps) {
    assertMayExport(input.user);
    const report = await currentLedgerReport(deps, input.user.associationId);
    return [exportOfferReply(ledgerOffer(report), input.user, input.personal ?? false, deps.fileLinks)];
  },
};
