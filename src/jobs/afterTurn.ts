/**
 * Work that follows a turn without holding up its answer: messages and card updates to
 * other people once the deciding write stands. A failure is logged; what it leaves undone
 * is finished by the background repair (an unnotified filing) or shows at the next refresh.
 */
export class AfterTurnWork {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly onError: (label: string, err: unknown) => void) {}

  run(label: string, task: () => Promise<void>): void {
    const running: Promise<void> = task()
      .catch((err: unknown) => this.onError(label, err))
      .finally(() => this.pending.delete(running));
    this.pending.add(running);
  }

  /** Resolves once nothing is running (at shutdown, and in tests before they look at what was sent). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
