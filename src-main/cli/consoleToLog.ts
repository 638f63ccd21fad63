import { format } from 'node:util';
import { logger } from '../log/logger.ts';

const log = logger('console');

/**
 * The `ferry` process's console, for the libraries under it: urllib (inside ali-oss) prints
 * "[urllib:warn] … callback twice!!!" and whole error stacks with console.warn while a reset request is
 * retried. Ferry writes to its streams itself and never uses the console, so everything that arrives here
 * is someone else's: a debug log line (redacted, shown with --verbose), never raw stderr.
 */
export function routeConsoleToLog(): void {
  const toLog = (...args: unknown[]): void => log.debug(format(...args).slice(0, 4000));
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) console[method] = toLog;
}
