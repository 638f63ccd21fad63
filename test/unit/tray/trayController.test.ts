import { describe, expect, it } from 'vitest';
import { findTrayItem } from '../../../src-main/tray/buildTrayMenu.ts';
import { TrayController } from '../../../src-main/tray/trayController.ts';
import { linkCopiedBody } from '../../../src-main/tray/trayActions.ts';
import type { TrayActions, TrayRecentFile } from '../../../src-main/tray/trayState.ts';
import { UploadNotifier } from '../../../src-main/tray/uploadNotifier.ts';
import { recordingPorts, RecordingTray } from '../../../src-main/ports/recordingPorts.ts';
import { ManualClock } from '../../../src-main/time/clock.ts';
import type { TrayMenuItem } from '../../../src-main/ports/uiPorts.ts';

/** Records which action each click reached, with its arguments. */
function recordingActions() {
  const calls: unknown[][] = [];
  const rec =
    (name: string) =>
    (...args: unknown[]) =>
      void calls.push([name, ...args]);
  const actions: TrayActions = {
    pauseAll: rec('pauseAll'),
    resumeAll: rec('resumeAll'),
    copyLink: rec('copyLink'),
    copyShareMessage: rec('copyShareMessage'),
    showInLinks: rec('showInLinks'),
    stopSharing: rec('stopSharing'),
    uploadFiles: rec('uploadFiles'),
    uploadFromClipboard: rec('uploadFromClipboard'),
    openWindow: rec('openWindow'),
    openToFix: rec('openToFix'),
    openSettings: rec('openSettings'),
    quit: rec('quit'),
  };
  return { actions, calls };
}

const file: TrayRecentFile = { id: 'h1', name: 'plan.pdf', objectKey: 'shared/ana/plan.pdf', profileId: 'p1', finishedAt: 1 };

function click(menu: readonly TrayMenuItem[], id: string): void {
  const item = findTrayItem(menu, id);
  if (!item?.click) throw new Error(`no clickable item ${id}`);
  item.click();
}

describe('TrayController', () => {
  it('renders through the TrayPort on every change: menu, icon and tooltip with progress', () => {
    const tray = new RecordingTray();
    const { actions } = recordingActions();
    const controller = new TrayController(tray, actions, 'en');
    expect(tray.menuSets).toBe(1);
    expect(tray.icon).toBe('idle');
    expect(tray.toolTip).toBe('Ferry');

    controller.setUploads({ running: 2, paused: 0, bytesDone: 250, bytesTotal: 1000 });
    expect(tray.menuSets).toBe(2);
    expect(tray.icon).toBe('uploading');
    expect(tray.toolTip).toBe('Ferry — uploading 2 files, 25%');
    expect(findTrayItem(tray.menu, 'uploads.summary')?.label).toBe('Uploading 2 files — 25%');

    controller.setProblem('1 upload failed');
    expect(tray.icon).toBe('error');
    expect(tray.toolTip).toBe('Ferry — 1 upload failed');
    controller.setProblem(null);
    controller.setUploads({ running: 0, paused: 0, bytesDone: 0, bytesTotal: 0 });
    expect(tray.icon).toBe('idle');

    controller.setLang('zh-CN');
    expect(findTrayItem(tray.menu, 'open')?.label).toBe('打开 Ferry');
  });

  it('re-sets the menu only when what it shows changes (Linux rebuilds an open menu)', () => {
    const tray = new RecordingTray();
    const controller = new TrayController(tray, recordingActions().actions, 'en');
    controller.setUploads({ running: 1, paused: 0, bytesDone: 100, bytesTotal: 1000 });
    const sets = tray.menuSets;
    controller.setUploads({ running: 1, paused: 0, bytesDone: 105, bytesTotal: 1000 }); // still 10%
    expect(tray.menuSets).toBe(sets);
    controller.setUploads({ running: 1, paused: 0, bytesDone: 200, bytesTotal: 1000 });
    expect(tray.menuSets).toBe(sets + 1);
    controller.setRecent([file]);
    expect(tray.menuSets).toBe(sets + 2);
    controller.render(true);
    expect(tray.menuSets).toBe(sets + 3);
  });

  it('routes every click to the right action', () => {
    const tray = new RecordingTray();
    const { actions, calls } = recordingActions();
    const controller = new TrayController(tray, actions, 'en');
    controller.setProfile({ name: 'Acme', uploadOnly: false });
    controller.setRecent([file]);
    controller.setUploads({ running: 1, paused: 1, bytesDone: 1, bytesTotal: 2 });
    controller.setProblem('Sign-in expired');
    const expected: [string, unknown[]][] = [
      ['uploads.pauseAll', ['pauseAll']],
      ['uploads.resumeAll', ['resumeAll']],
      ['recent.0.copyLink', ['copyLink', file]],
      ['recent.0.copyLink.1h', ['copyLink', file, '1h']],
      ['recent.0.copyLink.1d', ['copyLink', file, '1d']],
      ['recent.0.copyLink.7d', ['copyLink', file, '7d']],
      ['recent.0.copyMessage', ['copyShareMessage', file]],
      ['recent.0.showInLinks', ['showInLinks', file]],
      ['recent.0.stopSharing', ['stopSharing', file]],
      ['upload.files', ['uploadFiles']],
      ['upload.clipboard', ['uploadFromClipboard']],
      ['problem.open', ['openToFix']],
      ['open', ['openWindow']],
      ['settings', ['openSettings']],
      ['quit', ['quit']],
    ];
    for (const [id, call] of expected) {
      calls.length = 0;
      click(tray.menu, id);
      expect(calls, id).toEqual([call]);
    }
  });
});

describe('UploadNotifier (failures and non-link cases)', () => {
  const never = { copyLink: () => Promise.reject(new Error('copyLink must not be called')) };

  it('notifies a failed tray upload with the plain-language reason and opens the window on click', async () => {
    const ports = recordingPorts();
    const problems: string[] = [];
    const notifier = new UploadNotifier({
      services: never,
      ports,
      lang: () => 'en',
      clock: new ManualClock(0),
      isUploadOnly: () => false,
      onFailure: (p) => problems.push(p),
    });
    await notifier.finished({
      id: 'u1',
      name: 'big.mov',
      profileId: 'p1',
      source: 'tray',
      outcome: 'failed',
      error: { code: 'uploads.noSpace', message: 'The bucket is full. Ask IT for more space.' },
    });
    expect(ports.notifications.shown).toHaveLength(1);
    expect(ports.notifications.shown[0]).toMatchObject({ title: 'Upload failed: big.mov', body: 'The bucket is full. Ask IT for more space.' });
    ports.notifications.shown[0]?.onClick?.();
    expect(ports.window.requests).toEqual([{ screen: 'main' }]);
    expect(problems).toEqual(['1 upload failed']);
    expect(ports.clipboard.writes).toEqual([]);
  });

  it('ignores uploads started in the window and cancelled ones; says why there is no link for upload-only', async () => {
    const ports = recordingPorts();
    const notifier = new UploadNotifier({
      services: never,
      ports,
      lang: () => 'en',
      clock: new ManualClock(0),
      isUploadOnly: (id) => id === 'drop',
      onFailure: () => {},
    });
    await notifier.finished({ id: 'a', name: 'a.txt', profileId: 'p1', objectKey: 'k/a.txt', source: 'drop', outcome: 'done' });
    await notifier.finished({ id: 'b', name: 'b.txt', profileId: 'p1', source: 'tray', outcome: 'cancelled' });
    expect(ports.notifications.shown).toEqual([]);
    await notifier.finished({ id: 'c', name: 'c.txt', profileId: 'drop', objectKey: 'k/c.txt', source: 'args', outcome: 'done' });
    expect(ports.notifications.shown[0]?.body).toBe('c.txt is uploaded. This account can only upload, so no link was made.');
  });
});

describe('link notification text', () => {
  it('gives the real expiry and says when the sign-in made the link shorter', async () => {
    const at = Date.UTC(2026, 10, 27, 10, 0);
    const plain = linkCopiedBody({ expiresAt: at, cappedBy: 'none' }, 'plan.pdf', 'en');
    expect(plain).toMatch(/^plan\.pdf — the link works until .*2026.*\.$/);
    const capped = linkCopiedBody({ expiresAt: at, cappedBy: 'credentials' }, 'plan.pdf', 'en');
    expect(capped).toMatch(/ \(shorter than asked: the sign-in it was made with ends then\)\.$/);
    const zh = linkCopiedBody({ expiresAt: at, cappedBy: 'credentials' }, '方案.pdf', 'zh-CN');
    expect(zh).toMatch(/^方案\.pdf — 链接有效期至 .*（比所选时间短：生成链接所用的临时凭证届时失效）。$/);
  });
});
