import { Reply } from '../cards/viewModels';
import { Notifier } from '../ports/caseRepositories';
import { PostedCard } from '../domain/deviations';

/**
 * A notifier whose Bot Framework half is loaded at its first message: botbuilder is a third
 * of the start-up time, and /healthz, the store and the background pass over half-done
 * ärenden with nothing to send do not need it.
 */
export class LazyNotifier implements Notifier {
  constructor(private readonly load: () => Promise<{ readonly notifier: Notifier }>) {}

  async sendToUser(associationId: string, aadObjectId: string, reply: Reply): Promise<PostedCard | undefined> {
    return (await this.load()).notifier.sendToUser(associationId, aadObjectId, reply);
  }

  async updateCard(associationId: string, posted: PostedCard, reply: Reply): Promise<void> {
    return (await this.load()).notifier.updateCard(associationId, posted, reply);
  }
}
