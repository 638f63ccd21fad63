import type { MessageTable } from '../errors/messageTable.ts';

/** OS integration: ferry:// links, the global shortcut, launch at login. */
export const osMessages = {
  'os.linkRejected': {
    en: 'Ferry did not open this ferry:// link because it is damaged or not a link Ferry makes. Ask your IT team to send the link again, or set up the connection by hand in Settings.',
    'zh-CN': 'Ferry 没有打开此 ferry:// 链接，因为它已损坏或不是 Ferry 生成的链接。请让 IT 重新发送链接，或在“设置”中手动设置连接。',
  },
  'os.linkTooLong': {
    en: 'Ferry did not open this ferry:// link because it is far longer than a real connection link. Ask your IT team to send the link again.',
    'zh-CN': 'Ferry 没有打开此 ferry:// 链接，因为它比正常的连接链接长得多。请让 IT 重新发送链接。',
  },
  'os.linkUnknownAction': {
    en: 'This ferry:// link asks for something Ferry does not do. Only connection links from your IT team (ferry://connect?…) can be opened.',
    'zh-CN': '此 ferry:// 链接要求的操作 Ferry 不支持。只能打开 IT 提供的连接链接（ferry://connect?…）。',
  },
  'os.shortcutTaken': {
    en: 'The shortcut {shortcut} is already used by another app, so Ferry could not set it up. Close that app and turn the setting on again, or leave it off.',
    'zh-CN': '快捷键 {shortcut} 已被其他应用占用，Ferry 无法设置。请关闭该应用后重新打开此设置，或保持关闭。',
  },
  'os.loginItemUnsupported': {
    en: 'Ferry cannot start at login on this system by itself. Add Ferry to your desktop’s startup applications instead.',
    'zh-CN': 'Ferry 无法在此系统上自行设置开机启动。请在桌面环境的“启动应用程序”中添加 Ferry。',
  },
} satisfies MessageTable;
