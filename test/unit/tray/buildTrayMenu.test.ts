import { describe, expect, it } from 'vitest';
import { buildTrayMenu, findTrayItem, MAX_RECENT_FILES, shortenLabel } from '../../../src-main/tray/buildTrayMenu.ts';
import { emptyTrayState, type TrayActions, type TrayRecentFile, type TrayState } from '../../../src-main/tray/trayState.ts';
import type { TrayMenuItem } from '../../../src-main/ports/uiPorts.ts';
import { formatClockTime } from '../../../src-main/links/formatTime.ts';

const inert: TrayActions = {
  pauseAll() {},
  resumeAll() {},
  copyLink() {},
  copyShareMessage() {},
  showInLinks() {},
  stopSharing() {},
  uploadFiles() {},
  uploadFromClipboard() {},
  openWindow() {},
  openToFix() {},
  openSettings() {},
  quit() {},
};

const file = (i: number): TrayRecentFile => ({
  id: `h${i}`,
  name: `report-${i}.pdf`,
  objectKey: `shared/alice/2026-11/report-${i}.pdf`,
  profileId: 'p1',
  size: 1000 + i,
  finishedAt: 1_700_000_000_000 + i * 1000,
});

const state = (patch: Partial<TrayState> = {}): TrayState => ({
  ...emptyTrayState(),
  profile: { name: 'Acme', uploadOnly: false },
  ...patch,
});

const labels = (menu: readonly TrayMenuItem[]) => menu.filter((i) => i.type !== 'separator').map((i) => i.label);
const ids = (menu: readonly TrayMenuItem[]): string[] => menu.flatMap((i) => [...(i.id ? [i.id] : []), ...ids(i.submenu ?? [])]);

describe('buildTrayMenu', () => {
  it('with nothing uploaded: idle line, no pause/resume, an empty recent list and the fixed items', () => {
    const menu = buildTrayMenu(state(), inert, 'en');
    expect(labels(menu)).toEqual(['No uploads running', 'Recent files', 'Upload files…', 'Upload from clipboard', 'Open Ferry', 'Settings', 'Quit Ferry']);
    expect(findTrayItem(menu, 'uploads.summary')?.enabled).toBe(false);
    expect(findTrayItem(menu, 'uploads.pauseAll')).toBeUndefined();
    expect(findTrayItem(menu, 'uploads.resumeAll')).toBeUndefined();
    const recent = findTrayItem(menu, 'recent');
    expect(recent?.type).toBe('submenu');
    expect(recent?.submenu?.map((i) => [i.label, i.enabled])).toEqual([['Nothing uploaded yet', false]]);
  });

  it('with uploads running: count and overall percent, Pause all; Resume all once some are paused', () => {
    const running = state({ uploads: { running: 3, paused: 0, bytesDone: 420, bytesTotal: 1000 } });
    let menu = buildTrayMenu(running, inert, 'en');
    expect(findTrayItem(menu, 'uploads.summary')?.label).toBe('Uploading 3 files — 42%');
    expect(findTrayItem(menu, 'uploads.pauseAll')?.label).toBe('Pause all');
    expect(findTrayItem(menu, 'uploads.resumeAll')).toBeUndefined();

    menu = buildTrayMenu(state({ uploads: { running: 1, paused: 2, bytesDone: 0, bytesTotal: 0 } }), inert, 'en');
    expect(findTrayItem(menu, 'uploads.summary')?.label).toBe('Uploading 1 file');
    expect(findTrayItem(menu, 'uploads.resumeAll')?.label).toBe('Resume all');

    menu = buildTrayMenu(state({ uploads: { running: 0, paused: 2, bytesDone: 5, bytesTotal: 10 } }), inert, 'zh-CN');
    expect(findTrayItem(menu, 'uploads.summary')?.label).toBe('2 个上传已暂停');
    expect(findTrayItem(menu, 'uploads.pauseAll')).toBeUndefined();
    expect(findTrayItem(menu, 'uploads.resumeAll')?.label).toBe('全部继续');
  });

  it('with 12 recent files shows only the newest 10, each with the full link submenu', () => {
    const recent = Array.from({ length: 12 }, (_, i) => file(i));
    const menu = buildTrayMenu(state({ recent }), inert, 'en');
    const entries = findTrayItem(menu, 'recent')?.submenu ?? [];
    expect(entries).toHaveLength(MAX_RECENT_FILES);
    expect(entries.map((e) => e.label)).toEqual(Array.from({ length: 10 }, (_, i) => `report-${11 - i}.pdf`));
    const first = entries[0];
    expect(first?.type).toBe('submenu');
    expect(labels(first?.submenu ?? [])).toEqual(['Copy link', 'Copy link for', 'Copy share message', 'Show in Links', 'Stop sharing…']);
    expect(labels(findTrayItem(menu, 'recent.0.copyLinkFor')?.submenu ?? [])).toEqual(['1 hour', '1 day', '7 days']);
    expect(findTrayItem(menu, 'recent.10')).toBeUndefined();
  });

  it('for an upload-only profile: no link items, a disabled line saying why', () => {
    const menu = buildTrayMenu(state({ profile: { name: 'Drop box', uploadOnly: true }, recent: [file(1), file(2)] }), inert, 'en');
    const submenu = findTrayItem(menu, 'recent')?.submenu ?? [];
    expect(submenu[0]).toMatchObject({ id: 'recent.uploadOnly', enabled: false });
    expect(submenu[0]?.label).toMatch(/can only upload/);
    expect(ids(menu).filter((id) => /copyLink|copyMessage|showInLinks|stopSharing/.test(id))).toEqual([]);
    expect(findTrayItem(menu, 'recent.0')).toMatchObject({ label: 'report-2.pdf', enabled: false });
    expect(findTrayItem(menu, 'recent.0')?.submenu).toBeUndefined();
    // Uploading still works from the tray.
    expect(findTrayItem(menu, 'upload.files')?.enabled).not.toBe(false);
  });

  it('in an error state leads with the problem and a way to fix it', () => {
    const menu = buildTrayMenu(state({ problem: '2 uploads failed' }), inert, 'en');
    expect(menu[0]).toMatchObject({ id: 'problem', label: '2 uploads failed', enabled: false });
    expect(menu[1]).toMatchObject({ id: 'problem.open', label: 'Open Ferry to fix this' });
    expect(menu[2]?.type).toBe('separator');
  });

  it('before any profile exists, says how to set up', () => {
    const menu = buildTrayMenu({ ...emptyTrayState() }, inert, 'en');
    expect(findTrayItem(menu, 'recent.noProfile')?.label).toMatch(/Not connected/);
  });

  it('speaks Chinese', () => {
    const menu = buildTrayMenu(state({ recent: [file(1)] }), inert, 'zh-CN');
    expect(labels(menu)).toContain('打开 Ferry');
    expect(findTrayItem(menu, 'recent.0.copyLink')?.label).toBe('复制链接');
  });

  it('keeps long names readable and single-line', () => {
    const long = `${'Quarterly report for the board of directors '.repeat(3)}final.pdf`;
    const short = shortenLabel(long);
    expect([...short].length).toBeLessThanOrEqual(48);
    expect(short.endsWith('final.pdf')).toBe(true);
    expect(shortenLabel('a\nb')).toBe('a b');
  });
});

describe('Recent files: links about to stop working', () => {
  it('marks a file whose newest link ends within a day, in both languages', () => {
    const endsAt = Date.UTC(2026, 11, 11, 10, 0, 0);
    const recent = [{ ...file(1), linkEndsAt: endsAt }, file(2)];
    const en = findTrayItem(buildTrayMenu(state({ recent }), inert, 'en'), 'recent')!;
    const time = formatClockTime(endsAt, 'en');
    expect(labels(en.submenu!)).toEqual(['report-2.pdf', `report-1.pdf — link ends ${time}`]);
    const zh = findTrayItem(buildTrayMenu(state({ recent }), inert, 'zh-CN'), 'recent')!;
    expect(labels(zh.submenu!)).toContain(`report-1.pdf — 链接 ${formatClockTime(endsAt, 'zh-CN')} 失效`);
  });
});
