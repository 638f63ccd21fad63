import { describe, expect, it } from 'vitest';
import en from '../../../src-main/i18n/en.json';
import type { Lang } from '../../../src-main/i18n/lang.ts';
import { errorText } from '../../../src-main/i18n/text.ts';

/** Advice only the window can follow: its buttons, drops, Settings screen, menus. */
const WINDOW_ONLY: Record<Lang, RegExp> = {
  en: /\bRetry\b|[Dd]rop it|\bDrop the|\b[Cc]lick|\bSettings\b|"Test connection"|"Try it|\bPick another|\bUse Renew|More options|connection settings|\btray\b|menu bar/,
  'zh-CN': /重试”|拖入|点击|点“|设置”|“设置|设置 →|测试连接|本地试用|本机试用|续期|更多选项|连接设置|托盘|菜单栏/,
};

/**
 * Error texts the `ferry` command prints (its catch-all, upload rows, connection-test steps). Left out:
 * dialogs, buttons and titles (no window in the CLI), and errors of window-only actions.
 */
const WINDOW_ACTIONS = [
  'app.forbiddenSender', // a window's IPC sender check
  'accounts.keyNeededForChange', // editing a connection: the Settings screen only
  'accounts.signingKeyNeededForChange',
  'accounts.temporaryNeededForChange',
  'accounts.hostNotConfirmed', // main's dialog; the CLI uses --allow-host (accounts.hostNeedsAllowFlag)
  'accounts.changeCancelled',
  'links.entryExpired', // renewing rows of the links list
  'links.nothingActive',
  'links.exportFailed', // the CSV export dialog
  'links.notRecorded',
  'uploads.droppedTooLarge', // bytes dragged from a browser into the window
  'links.reminder.titleTomorrow', // the app's day-before notifications (clicked to renew)
  'links.reminder.titleToday',
  'links.reminder.body',
  'links.reminder.renewed',
  'links.reminder.renewFailed',
];
const codes = Object.keys(en).filter(
  (key) =>
    /^(app|accounts|credentials|oss|uploads|links|names|os|sandbox|policy)\./.test(key) &&
    !/(Button|Title|Filter)$|\.confirm[A-Z]|\.stop\.|\.notice\.|\.expiry\.|\.summary|\.why\.|shareMessage|stillRunning|\.cli\.|sizeUnknown|cancelButton|app\.usage/.test(key) &&
    !WINDOW_ACTIONS.includes(key),
);

describe('messages per surface', () => {
  it.each(['en', 'zh-CN'] as const)('no error the CLI prints (%s) gives window-only advice', (lang) => {
    expect(codes.length).toBeGreaterThan(80);
    const wrong = codes.map((code) => [code, errorText(lang, code, {}, 'cli')] as const).filter(([, message]) => WINDOW_ONLY[lang].test(message));
    expect(wrong).toEqual([]);
  });

  it('a mistyped path is "not found" in the CLI, while the window keeps its Retry advice', () => {
    expect(errorText('en', 'uploads.fileGone', { name: 'reprot.pdf' }, 'cli')).toMatch(/^"reprot\.pdf" was not found.*Check the path/);
    expect(errorText('en', 'uploads.fileGone', { name: 'reprot.pdf' })).toMatch(/choose Retry/);
    expect(errorText('en', 'uploads.unreadable', { name: 'Projects' }, 'cli')).not.toMatch(/\bfile\b/);
  });
});
