import { importInstructions, prepareLedgerImport } from '../importer/importFromChat';
import { normalize } from '../questions/parser/text';
import { CommandHandler } from './types';

/** An Excel file sent in the chat, or "importera ekonomisk information": the ekonom's table read in, checked, saved on a button. */
export const importLedgerCommand: CommandHandler = {
  name: 'importera ekonomisk information',
  matches: (text) => /^(importera|lasa in|las in)\b.*\bekonomisk/.test(normalize(text)),
  async handle(input, deps) {
    const file = input.files?.[0];
    if (!file) return [importInstructions(input.user)];
    return [await prepareLedgerImport(deps, input.user, file, input.text)];
  },
};
