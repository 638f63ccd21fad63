import type { Lang } from '../i18n/lang.ts';
import type { LocalizedMessage } from '../errors/messageTable.ts';

/** Short labels for the dialogs links open (buttons, titles) — not sentences, so not in the message catalog. */
export const dialogText = {
  deleteButton: { en: 'Delete file', 'zh-CN': '删除文件' },
  cancelButton: { en: 'Cancel', 'zh-CN': '取消' },
  exportTitle: { en: 'Save links as CSV', 'zh-CN': '将链接保存为 CSV' },
  exportFilter: { en: 'CSV spreadsheet', 'zh-CN': 'CSV 表格' },
} as const satisfies Record<string, LocalizedMessage>;

export function label(key: keyof typeof dialogText, lang: Lang): string {
  return dialogText[key][lang];
}
