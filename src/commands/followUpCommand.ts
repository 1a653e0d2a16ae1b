import { ForbiddenError } from '../errors';
import { followUpReplies } from '../reports/followUpViews';
import { followUpPeriodInText } from '../reports/parsePeriod';
import { loadFollowUp } from '../reports/loadFollowUp';
import { normalize } from '../questions/parser/text';
import { readQuestionWords } from '../questions/parser/readQuestion';
import { hasRole } from '../roles/roleDirectory';
import { quarterKey } from '../domain/quarters';
import { exportOfferReply, followUpOffer } from '../exports/exportOfferView';
import { CommandHandler } from './types';
import { Measure } from '../domain/reading';

/** The förbund's own figures, which the follow-up's tables do not show. */
const FORBUND_FIGURES: ReadonlySet<Measure> = new Set<Measure>([
  'remaining',
  'whatIf',
  'carriedIn',
  'result',
  'income',
  'costs',
  'soliditet',
  'equity',
  'reserveFund',
]);

// Which measures a question names does not depend on the current year, which only places "nästa år".
const ANY_YEAR = 2026;

/** "uppföljning 2025", "uppföljning första halvåret 2026": the board's follow-up tables from the quarterly reports. */
export const followUpCommand: CommandHandler = {
  name: 'uppföljning',
  // "Tabell 3 i uppföljningen – vad blev vår förbrukningsgrad förra året?", "I uppföljningen står …, men när slutar Bryggan?":
  // the follow-up cited as the source of a figure asked, or named only in a statement before it, is a budget question.
  matches: (text) => {
    const said = normalize(text);
    if (!/\b(uppfoljning|uppfoljningen|halvarsuppfoljning)\b/.test(said)) return false;
    const cited =
      /\b(i|enligt|fran) (er |ert |den |var )?(tabell \d+ i )?uppfoljning(en)?\b|\btabell \d+ i uppfoljningen\b|\buppfoljningen (star|sager|visar|anger)\b/.test(
        said,
      );
    const words = readQuestionWords(text, ANY_YEAR);
    // "Nu när höstens uppföljning är klar undrar jag: hur mycket har vi kvar att bevilja?": said only before the question.
    const onlyBefore = words.tokens.every((t, i) => !/^(uppfoljning|uppfoljningen|halvarsuppfoljning)$/.test(t) || i < words.contextEnd);
    return !(
      (cited && words.measures.some((m) => m !== 'line')) ||
      // (a list asked after it, "uppföljning kvartal 3 2026, vilka insatser är röda?", is the follow-up's.)
      (onlyBefore && words.measures.some((m) => FORBUND_FIGURES.has(m)))
    );
  },
  async handle(input, deps) {
    if (!hasRole(input.user, 'kansli', 'forbundschef', 'ersattare', 'styrelse'))
      throw new ForbiddenError('Uppföljningen sammanställs för kansliet, förbundschefen och styrelsen.');
    const period = followUpPeriodInText(input.text, deps.today());
    const followUp = await loadFollowUp(deps.repos, input.user.associationId, deps.today(), period);
    // "uppföljning 2025 för kallelsen", "… som excel": the four tables as a document.
    if (/\b(kallelse|kallelsen|excel|pdf|dokument|exportera|fil)\b/.test(normalize(input.text))) {
      return [
        exportOfferReply(
          followUpOffer(followUp, quarterKey(period.through), deps.today(), input.text.trim().slice(0, 120)),
          input.user,
          input.personal ?? false,
          deps.fileLinks,
        ),
      ];
    }
    return followUpReplies(followUp);
  },
};
