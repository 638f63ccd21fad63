import type { Lang } from '../i18n/lang.ts';
import { fillTemplate } from '../i18n/fillTemplate.ts';

/** Sentences for closing, quitting and the tray notice, in every language Ferry speaks. */
const strings = {
  stillRunningTitle: { en: 'Ferry is still running', 'zh-CN': 'Ferry 仍在运行' },
  stillRunningTray: {
    en: 'Ferry keeps running in the tray so you can drop files on it. Quit from the tray menu.',
    'zh-CN': 'Ferry 会继续在系统托盘中运行，方便您拖放文件。如需退出，请使用托盘菜单。',
  },
  stillRunningMenuBar: {
    en: 'Ferry keeps running in the menu bar so you can drop files on it. Quit from its menu.',
    'zh-CN': 'Ferry 会继续在菜单栏中运行，方便您拖放文件。如需退出，请使用其菜单。',
  },
  quitQuestion: { en: '{count, plural, one {# upload is} other {# uploads are}} still running. Quit anyway?', 'zh-CN': '还有 {count} 个上传正在进行。仍要退出吗？' },
  quitDetail: {
    en: 'Nothing is lost: the uploads continue where they stopped the next time you open Ferry.',
    'zh-CN': '不会丢失任何内容：下次打开 Ferry 时，上传会从中断处继续。',
  },
  quitConfirm: { en: 'Quit', 'zh-CN': '退出' },
  keepUploading: { en: 'Keep uploading', 'zh-CN': '继续上传' },
} as const satisfies Record<string, Readonly<Record<Lang, string>>>;

export type OsStringKey = keyof typeof strings;

export function osText(lang: Lang, key: OsStringKey, params: Record<string, string | number> = {}): string {
  const template: string = strings[key][lang] ?? strings[key].en;
  return fillTemplate(template, lang, params);
}

export const osStrings: Readonly<Record<string, Readonly<Record<Lang, string>>>> = strings;
