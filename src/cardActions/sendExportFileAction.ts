import { CardActionHandler } from '../commands/types';
import { InvalidInputError } from '../errors';
import { DOCUMENT_NAME, buildExportFile } from '../exports/exportDocuments';
import { withProgress } from '../exports/withProgress';
import { SEND_EXPORT_VERB } from '../exports/exportOfferView';
import { ExportDocument, ExportFormat } from '../exports/fileLinks';

/** "Skicka Excel-filen hit": builds the file to learn its size and offers it through Teams' file consent. */
export const sendExportFileAction: CardActionHandler = {
  verb: SEND_EXPORT_VERB,
  async handle(input, deps) {
    if (!input.personal)
      throw new InvalidInputError('Filer kan jag bara skicka i en personlig chatt med mig. Använd länkarna på kortet.', 'file offer outside personal chat');
    const period = typeof input.data.period === 'string' ? input.data.period : undefined;
    const request = { document: input.data.document as ExportDocument, format: input.data.format as ExportFormat, ...(period ? { period } : {}) };
    const progress = input.progress;
    const file = await withProgress(
      () => buildExportFile(deps, input.user, request),
      progress && (() => progress(`Skapar ${DOCUMENT_NAME[request.document]} …`)),
      deps.progressAfterMs ?? 1000,
    );
    return { replies: [], fileOffers: [{ name: file.name, sizeInBytes: file.bytes.length, description: `${file.name} från förbundets ekonomibot`, request }] };
  },
};
