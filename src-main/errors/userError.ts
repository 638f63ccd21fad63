import type { Lang } from '../i18n/lang.ts';
import { errorText, type Surface } from '../i18n/text.ts';
import { classifyError } from './classify.ts';

/** What crosses IPC or reaches the terminal: a stable code and a plain-language sentence. */
export interface UserError {
  code: string;
  message: string;
}

export function toUserError(error: unknown, lang: Lang, surface: Surface = 'window'): UserError {
  const ferry = classifyError(error);
  return { code: ferry.code, message: errorText(lang, ferry.code, { ...ferry.params }, surface) };
}
