import { CardActionHandler } from '../commands/types';
import { showApplication } from '../applications/showApplication';

/** "Visa hela ansökan": a new card with the ansökan in full; the card it was pressed on stays. */
export const showApplicationAction: CardActionHandler = {
  verb: 'showApplication',
  async handle(input, deps) {
    return { replies: [await showApplication(deps, input.user, input.data.applicationId)] };
  },
};
