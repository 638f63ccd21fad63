import { createInterface } from 'node:readline/promises';
import type { Lang } from '../../i18n/lang.ts';
import { text, type TextKey } from '../../i18n/text.ts';
import type { CliIo } from '../command.ts';

export interface Question {
  /** The flag the answer stands for (flags win: a question is asked only for a flag not given). */
  flag: string;
  ask: TextKey;
  /** Shown in brackets and taken when the answer is empty. */
  fallback?: string;
}

/**
 * Asks, on a terminal, for each flag that was not given (prompts on stderr, so stdout stays the result).
 * An empty answer takes the fallback, or leaves the flag out (the checks that follow say what is missing).
 */
export async function askMissing(io: CliIo, lang: Lang, given: Record<string, string | undefined>, questions: Question[]): Promise<Record<string, string | undefined>> {
  const answers = { ...given };
  const pending = questions.filter((q) => answers[q.flag] === undefined);
  if (pending.length === 0) return answers;
  // Not readline's terminal mode: its cursor sequences would reach the screen escaped (terminalText.ts); the
  // terminal's own line editing and echo serve.
  const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: false });
  try {
    for (const q of pending) {
      const hint = q.fallback !== undefined ? ` [${q.fallback}]` : '';
      const answer = (await rl.question(`${text(lang, q.ask)}${hint}: `)).trim();
      answers[q.flag] = answer || q.fallback;
    }
  } finally {
    rl.close();
  }
  return answers;
}
