import { CardActionHandler } from '../commands/types';
import { RESOLVE_IMPORT_VERB, SAVE_IMPORT_VERB, resolveLedgerImport, saveLedgerImport } from '../importer/importFromChat';

/** "Spara som ekonomisk information per …" on the import's report; the card becomes the outcome. */
export const saveLedgerImportAction: CardActionHandler = {
  verb: SAVE_IMPORT_VERB,
  async handle(input, deps) {
    return { replies: [], updatedCard: await saveLedgerImport(deps, input.user, input.data.importId as string, input.data.replace === true) };
  },
};

/** "Fortsätt" on the card that asks which line each unplaced row of the file is. */
export const resolveLedgerImportAction: CardActionHandler = {
  verb: RESOLVE_IMPORT_VERB,
  async handle(input, deps) {
    return { replies: [], updatedCard: await resolveLedgerImport(deps, input.user, input.data.importId as string, input.data) };
  },
};
