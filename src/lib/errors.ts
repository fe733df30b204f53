/**
 * What to say about anything thrown. JavaScript can throw any value, and a rejected promise can
 * carry one, so a message is never taken on trust from a cast.
 */

/** An Error's message; any other thrown value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The short reason a file could not be read or written: a system error's code (`ENOENT`,
 * `EACCES`) when it has one, else the message.
 */
export function errorReason(error: unknown): string {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  return code ?? errorMessage(error);
}
