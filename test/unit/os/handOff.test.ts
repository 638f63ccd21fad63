import { describe, expect, it } from 'vitest';
import { handOffLaunch, type HandOffDeps } from '../../../src-main/os/launchHandOff.ts';
import { parseLaunchArgs } from '../../../src-main/os/launchArgs.ts';
import { RecordingNotifications, RecordingWindow } from '../../../src-main/ports/recordingPorts.ts';
import type { ProfileInput } from '../../../src-main/accounts/connection.ts';

function deps() {
  const queued: string[][] = [];
  const connects: ProfileInput[] = [];
  const window = new RecordingWindow();
  const notifications = new RecordingNotifications();
  const d: HandOffDeps = {
    addUploads: async (paths) => void queued.push(paths),
    openConnect: (profile) => void connects.push(profile),
    window,
    notifications,
    lang: () => 'en',
  };
  return { d, queued, connects, window, notifications };
}

describe('second-instance hand-off', () => {
  it('queues the second launch’s files in the running instance without opening the window', async () => {
    const { d, queued, window } = deps();
    const argv = ['/opt/Ferry/ferry', '--original-process-start-time=1', 'a.pdf', 'b.pdf'];
    const request = parseLaunchArgs(argv, { cwd: '/home/ana', platform: 'linux', isPackaged: true });
    const outcome = await handOffLaunch(request, d, { firstLaunch: false });
    expect(queued).toEqual([['/home/ana/a.pdf', '/home/ana/b.pdf']]);
    expect(outcome.files).toBe(2);
    expect(window.shown).toEqual([]);
  });

  it('shows the window for a bare second launch without changing its screen, but not for a hidden login start', async () => {
    const a = deps();
    await handOffLaunch({ files: [], urls: [], hidden: false }, a.d, { firstLaunch: false });
    // No screen: a user halfway through the connect form (or anything else) stays there.
    expect(a.window.requests).toEqual([{}]);
    const b = deps();
    await handOffLaunch({ files: [], urls: [], hidden: true }, b.d, { firstLaunch: true });
    expect(b.window.shown).toEqual([]);
  });

  it('opens the import flow for a connect link and refuses a hostile one with a notification', async () => {
    const { d, connects, notifications, window } = deps();
    const outcome = await handOffLaunch(
      { files: [], urls: ['ferry://connect?name=Acme&bucket=acme-share&region=cn-hangzhou', 'ferry://connect?name=x&bucket=acme-share&region=cn-hangzhou&securityToken=abc'], hidden: false },
      d,
      { firstLaunch: false },
    );
    expect(connects).toHaveLength(1);
    expect(connects[0]).toMatchObject({ name: 'Acme', bucket: 'acme-share' });
    expect(outcome.rejected).toEqual(['accounts.connectionHasSecret']);
    expect(notifications.shown).toHaveLength(1);
    expect(notifications.shown[0]?.body).not.toMatch(/abc/);
    // The connect screen is asked for by openConnect (kept in main until the page takes it), not here.
    expect(window.requests).toEqual([]);
    // Clicking the refusal only shows the window: no screen is about the refused link.
    notifications.shown[0]?.onClick?.();
    expect(window.requests).toEqual([{}]);
  });
});
