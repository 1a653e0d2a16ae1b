import { CardActionHandler } from '../commands/types';
import { InvalidInputError } from '../errors';
import { buildExportFile } from '../exports/exportDocuments';
import { SEND_EXPORT_VERB } from '../exports/exportOfferView';
import { ExportDocument, ExportFormat } from '../exports/fileLinks';

/** "Skicka Excel-filen hit": builds the file to learn its size and offers it through Teams' file consent. */
export const sendExportFileAction: CardActionHandler = {
  verb: SEND_EXPORT_VERB,
  async handle(input, deps) {
    if (!input.personal) throw new InvalidInputError('Filer kan jag bara skicka i en personlig chatt med mig. Använd länkarna på kortet.', 'file offer outside personal chat');
    const period = typeof input.data.period === 'string' ? input.data.period : undefined;
    const request = { document: input.data.document as ExportDocument, format: input.data.format as ExportFormat, ...(period ? { period } : {}) };
    const file = await buildExportFile(deps, input.user, request);
    return { replies: [], fileOffers: [{ name: file.name, sizeInBytes: file.bytes.length, description: `${file.name} från förbundets ekonomibot`, request }] };
  },
};
