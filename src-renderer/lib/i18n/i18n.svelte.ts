import en from './en.json';
import zhCN from './zh-CN.json';
import { fillTemplate } from '../../../src-main/i18n/fillTemplate.ts';

export type Lang = 'en' | 'zh-CN';
export type MessageKey = keyof typeof en;
export type Params = Record<string, string | number>;

const catalogs: Record<Lang, Record<string, string>> = { en, 'zh-CN': zhCN };

/** The UI language (from main: the setting, or the OS locale when the setting is "system"). */
class I18n {
  lang = $state<Lang>('en');

  /** Looks a key up in the current language; plurals and `{name}` placeholders are filled as plain text. */
  t = (key: MessageKey, params?: Params): string => {
    const template = catalogs[this.lang][key] ?? en[key] ?? key;
    return params ? fillTemplate(template, this.lang, params) : template;
  };

  set(lang: Lang): void {
    this.lang = lang;
    document.documentElement.lang = lang;
  }
}

export const i18n = new I18n();
export const t = i18n.t;
