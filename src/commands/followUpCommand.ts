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

// Which measures a question names does not depend on the current year, which only places "nästa år".
const ANY_YEAR = 2026;

/** "uppföljning 2025", "uppföljning första halvåret 2026": the board's follow-up tables from the quarterly reports. */
export const followUpCommand: CommandHandler = {
  name: 'uppföljning',
  // "Tabell 3 i uppföljningen – vad blev vår förbrukningsgrad förra året?", "I uppföljningen står …, men när slutar Bryggan?":
  // the follow-up cited as the source of a figure asked is a budget question.
  matches: (text) => {
    const said = normalize(text);
    if (!/\b(uppfoljning|uppfoljningen|halvarsuppfoljning)\b/.test(said)) return false;
    const cited =
      /\b(i|enligt|fran) (er |ert |den |var )?(tabell \d+ i )?uppfoljning(en)?\b|\btabell \d+ i uppfoljningen\b|\buppfoljningen (star|sager|visar|anger)\b/.test(
        said,
      );
    return !(cited && readQuestionWords(text, ANY_YEAR).measures.some((m) => m !== 'line'));
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
