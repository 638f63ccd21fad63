// Imported by the renderer too (see eslint.config): keep this file free of imports and Node APIs.
export type TemplateParams = Readonly<Record<string, string | number>>;

const CATEGORY = '=\\d+|zero|one|two|few|many|other';
/** `{n, plural, one {# file} other {# files}}` — the ICU plural form, options without nested braces. */
const PLURAL = new RegExp(`\\{(\\w+), plural,((?:\\s*(?:${CATEGORY})\\s*\\{[^{}]*\\})+)\\s*\\}`, 'g');
const OPTION = new RegExp(`(${CATEGORY})\\s*\\{([^{}]*)\\}`, 'g');

const rules = new Map<string, Intl.PluralRules>();

function pluralCategory(lang: string, value: number): string {
  let forLang = rules.get(lang);
  if (!forLang) {
    forLang = new Intl.PluralRules(lang);
    rules.set(lang, forLang);
  }
  return forLang.select(value);
}

/**
 * Fills a message template for `lang`: ICU-style plurals (`{n, plural, one {# file} other {# files}}`,
 * `#` being the number, chosen by the language's plural rules), then `{name}` placeholders as plain text.
 * Values are inserted once and never read as template text themselves.
 */
export function fillTemplate(template: string, lang: string, params: TemplateParams = {}): string {
  const plural = template.replace(PLURAL, (whole, name: string, body: string) => {
    const value = Object.hasOwn(params, name) ? Number(params[name]) : NaN;
    if (!Number.isFinite(value)) return whole;
    const options = new Map([...body.matchAll(OPTION)].map((m) => [m[1]!, m[2]!]));
    const chosen = options.get(`=${value}`) ?? options.get(pluralCategory(lang, value)) ?? options.get('other');
    return chosen === undefined ? whole : chosen.replace(/#/g, String(value));
  });
  return plural.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** The parameter names a template uses (`{name}` and `{name, plural, …}`), sorted, each once. */
export function templateParams(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]!))].sort();
}
