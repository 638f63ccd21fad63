import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { redactText, redactValue } from './redact.ts';

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

let logFile: string | undefined;
let stream: NodeJS.WritableStream | undefined;
let minLevel: Level = (process.env.FERRY_LOG_LEVEL as Level | undefined) ?? 'info';

/** Sends log lines to `<dataHome>/logs/ferry.log`. Until called, logging is a no-op (CLI default). */
export function configureLogging(options: { dir: string; level?: Level }): void {
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  logFile = path.join(options.dir, 'ferry.log');
  if (options.level) minLevel = options.level;
}

/** Also writes every line at `level` or above to `to` (the CLI's `--verbose`: its stderr). */
export function logToStream(to: NodeJS.WritableStream, level: Level): void {
  stream = to;
  minLevel = level;
}

function write(level: Level, scope: string, message: string, fields?: Record<string, unknown>): void {
  if (ORDER[level] < ORDER[minLevel]) return;
  // Redacted before serialising (JSON escaping would hide a secret containing `"` or `\`), and again after.
  const safeFields = redactValue(fields ?? {}) as Record<string, unknown>;
  const line = redactText(
    JSON.stringify({ t: new Date().toISOString(), level, scope, message: redactText(message), ...safeFields }),
  );
  if (logFile) appendFileSync(logFile, line + '\n', { mode: 0o600 });
  if (stream) stream.write(line + '\n');
  else if (process.env.FERRY_LOG_STDERR === '1') process.stderr.write(line + '\n');
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** A logger for one area of Ferry (`logger('uploads')`). Every line is redacted before it is written. */
export function logger(scope: string): Logger {
  return {
    debug: (m, f) => write('debug', scope, m, f),
    info: (m, f) => write('info', scope, m, f),
    warn: (m, f) => write('warn', scope, m, f),
    error: (m, f) => write('error', scope, m, f),
  };
}
