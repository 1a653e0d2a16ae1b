/** Where handlers and jobs write what happened: JSON lines in production (bot/errorReply's jsonLogger), a list in tests. */
export interface Logger {
  error(entry: Record<string, unknown>): void;
  info(entry: Record<string, unknown>): void;
}
