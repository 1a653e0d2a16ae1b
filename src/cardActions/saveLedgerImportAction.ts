import { CardActionHandler } from '../commands/types';
import { SAVE_IMPORT_VERB, saveLedgerImport } from '../importer/importFromChat';

/** "Spara som ekonomisk information per …" on the import's report; the card becomes the outcome. */
export const saveLedgerImportAction: CardActionHandler = {
  verb: SAVE_IMPORT_VERB,
  async handle(input, deps) {
    return { replies: [], updatedCard: await saveLedgerImport(deps, input.user, input.data.importId as string, input.data.replace === true) };
  },
};
