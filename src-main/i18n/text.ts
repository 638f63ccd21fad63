import en from './en.json' with { type: 'json' };
import zhCN from './zh-CN.json' with { type: 'json' };
import type { Lang } from './lang.ts';
import { fillTemplate, type TemplateParams } from './fillTemplate.ts';

export type { TemplateParams };
import { visibleName } from '../names/inertName.ts';

/** A key of main's catalog: `<capability>.<what>`, e.g. `links.expiryInvalid`, `tray.idle`, `cli.profile.saved`. */
export type TextKey = keyof typeof en;

/** Main's texts, one JSON file per language (the renderer has its own, in src-renderer/lib/i18n). */
export const catalogs: Readonly<Record<Lang, Readonly<Record<string, string>>>> = { en, 'zh-CN': zhCN };

export function isTextKey(key: string): key is TextKey {
  return Object.hasOwn(en, key);
}

/**
 * The text for `key` in `lang`, with plurals and `{param}` placeholders filled as plain text.
 * `{name}` is always a file, object or connection name: its hidden characters show as `[U+XXXX]` (names/inertName.ts).
 */
export function text(lang: Lang, key: TextKey, params: TemplateParams = {}): string {
  const template = catalogs[lang][key] ?? en[key];
  const name = params.name;
  return fillTemplate(template, lang, typeof name === 'string' ? { ...params, name: visibleName(name) } : params);
}

/**
 * Where a message is shown: the window says what to click, the `ferry` command what to type. A code
 * whose advice differs has a `cli.<code>` text; every other code reads the same on both.
 */
export type Surface = 'window' | 'cli';

/** The message for an error code (a FerryError's, or one read back from storage); unknown codes say app.unexpected. */
export function errorText(lang: Lang, code: string, params: TemplateParams = {}, surface: Surface = 'window'): string {
  const cliKey = `cli.${code}`;
  if (surface === 'cli' && isTextKey(cliKey)) return text(lang, cliKey, params);
  return text(lang, isTextKey(code) ? code : 'app.unexpected', params);
}
