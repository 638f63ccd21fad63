export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

/** Maps an OS/browser locale ("zh_CN.UTF-8", "zh-Hans-CN", "en-GB") to a language Ferry speaks. */
export function langFromLocale(locale: string | undefined | null): Lang {
  const l = (locale ?? '').toLowerCase().replace('_', '-');
  return l.startsWith('zh') ? 'zh-CN' : 'en';
}

/** The CLI's language: FERRY_LANG, then the POSIX locale variables. */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  return langFromLocale(env.FERRY_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG);
}
