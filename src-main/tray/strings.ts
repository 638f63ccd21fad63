import type { Lang } from '../i18n/lang.ts';
import { fillTemplate } from '../i18n/fillTemplate.ts';

/** Tray menu labels, tooltips and notifications in every language Ferry speaks. `{name}` takes params. */
const strings = {
  idle: { en: 'No uploads running', 'zh-CN': '没有正在进行的上传' },
  uploading: { en: 'Uploading {count, plural, one {# file} other {# files}} — {percent}%', 'zh-CN': '正在上传 {count} 个文件 — {percent}%' },
  uploadingNoPercent: { en: 'Uploading {count, plural, one {# file} other {# files}}', 'zh-CN': '正在上传 {count} 个文件' },
  pausedSummary: { en: '{count, plural, one {# upload} other {# uploads}} paused', 'zh-CN': '{count} 个上传已暂停' },
  pauseAll: { en: 'Pause all', 'zh-CN': '全部暂停' },
  resumeAll: { en: 'Resume all', 'zh-CN': '全部继续' },
  recentFiles: { en: 'Recent files', 'zh-CN': '最近的文件' },
  noRecentFiles: { en: 'Nothing uploaded yet', 'zh-CN': '还没有上传过文件' },
  copyLink: { en: 'Copy link', 'zh-CN': '复制链接' },
  copyLinkFor: { en: 'Copy link for', 'zh-CN': '复制链接，有效期' },
  oneHour: { en: '1 hour', 'zh-CN': '1 小时' },
  oneDay: { en: '1 day', 'zh-CN': '1 天' },
  sevenDays: { en: '7 days', 'zh-CN': '7 天' },
  copyShareMessage: { en: 'Copy share message', 'zh-CN': '复制分享消息' },
  showInLinks: { en: 'Show in Links', 'zh-CN': '在“链接”中查看' },
  stopSharing: { en: 'Stop sharing…', 'zh-CN': '停止分享…' },
  uploadOnlyNote: {
    en: 'This account can only upload — links are made by whoever set it up',
    'zh-CN': '此账号只能上传 — 链接需由账号提供者生成',
  },
  noProfile: { en: 'Not connected — open Ferry to set up', 'zh-CN': '尚未连接 — 打开 Ferry 进行设置' },
  uploadFiles: { en: 'Upload files…', 'zh-CN': '上传文件…' },
  uploadFromClipboard: { en: 'Upload from clipboard', 'zh-CN': '从剪贴板上传' },
  openFerry: { en: 'Open Ferry', 'zh-CN': '打开 Ferry' },
  openToFix: { en: 'Open Ferry to fix this', 'zh-CN': '打开 Ferry 解决此问题' },
  settings: { en: 'Settings', 'zh-CN': '设置' },
  quit: { en: 'Quit Ferry', 'zh-CN': '退出 Ferry' },
  tooltipIdle: { en: 'Ferry', 'zh-CN': 'Ferry' },
  tooltipUploading: { en: 'Ferry — uploading {count, plural, one {# file} other {# files}}, {percent}%', 'zh-CN': 'Ferry — 正在上传 {count} 个文件，{percent}%' },
  tooltipError: { en: 'Ferry — {problem}', 'zh-CN': 'Ferry — {problem}' },
  linkCopiedTitle: { en: 'Link copied', 'zh-CN': '链接已复制' },
  messageCopiedTitle: { en: 'Share message copied', 'zh-CN': '分享消息已复制' },
  linksCopiedTitle: { en: '{count} links copied', 'zh-CN': '已复制 {count} 个链接' },
  linkCopiedBody: { en: '{name} — the link works until {until}.', 'zh-CN': '{name} — 链接有效期至 {until}。' },
  linksCopiedBody: { en: 'The links work until {until} at the latest.', 'zh-CN': '这些链接最晚有效至 {until}。' },
  linkCappedNote: {
    en: ' (shorter than asked: the sign-in it was made with ends then)',
    'zh-CN': '（比所选时间短：生成链接所用的临时凭证届时失效）',
  },
  uploadedNoLinkTitle: { en: 'Uploaded', 'zh-CN': '已上传' },
  uploadedNoLinkBody: {
    en: '{name} is uploaded. This account can only upload, so no link was made.',
    'zh-CN': '{name} 已上传。此账号只能上传，因此没有生成链接。',
  },
  uploadFailedTitle: { en: 'Upload failed: {name}', 'zh-CN': '上传失败：{name}' },
  linkFailedTitle: { en: 'Uploaded, but no link: {name}', 'zh-CN': '已上传，但未生成链接：{name}' },
  actionFailedTitle: { en: 'Ferry could not do that', 'zh-CN': 'Ferry 无法完成此操作' },
  uploadsFailedProblem: { en: '{count, plural, one {# upload} other {# uploads}} failed', 'zh-CN': '{count} 个上传失败' },
  stoppedTitle: { en: 'Sharing stopped', 'zh-CN': '已停止分享' },
  stoppedBody: { en: '"{name}" was deleted; its links no longer work.', 'zh-CN': '“{name}”已删除，其链接已失效。' },
  pickFilesTitle: { en: 'Choose files to upload', 'zh-CN': '选择要上传的文件' },
  nothingOnClipboardTitle: { en: 'Nothing to upload', 'zh-CN': '没有可上传的内容' },
  nothingOnClipboardBody: {
    en: 'The clipboard holds no files or image. Copy a file or a screenshot first, then try again.',
    'zh-CN': '剪贴板中没有文件或图片。请先复制文件或截图，然后重试。',
  },
} as const satisfies Record<string, Readonly<Record<Lang, string>>>;

export type TrayStringKey = keyof typeof strings;

export function trayText(lang: Lang, key: TrayStringKey, params: Record<string, string | number> = {}): string {
  const template: string = strings[key][lang] ?? strings[key].en;
  return fillTemplate(template, lang, params);
}

/** Every key and language, for the completeness test. */
export const trayStrings: Readonly<Record<string, Readonly<Record<Lang, string>>>> = strings;
