import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLaunchArgs, PendingOpenFiles } from '../../../src-main/os/launchArgs.ts';

const linux = { cwd: '/home/ana/Documents', platform: 'linux' as const, isPackaged: true };

describe('parseLaunchArgs', () => {
  it('takes file arguments of a packaged launch, resolved against the caller’s directory', () => {
    const r = parseLaunchArgs(['/opt/Ferry/ferry', 'report.pdf', '../Pictures/cat.png', '/srv/share/abs.txt'], linux);
    expect(r.files).toEqual(['/home/ana/Documents/report.pdf', '/home/ana/Pictures/cat.png', '/srv/share/abs.txt']);
    expect(r.urls).toEqual([]);
    expect(r.hidden).toBe(false);
  });

  it('drops Electron/Chromium switches that a second instance’s argv carries', () => {
    const argv = [
      '/opt/Ferry/ferry',
      '--allow-file-access-from-files',
      '--original-process-start-time=13345',
      '--enable-features=WebRTCPipeWireCapturer',
      '-psn_0_12345',
      'a.txt',
      '--no-sandbox',
    ];
    expect(parseLaunchArgs(argv, linux).files).toEqual(['/home/ana/Documents/a.txt']);
  });

  it('skips the app path of an unpackaged run (electron . file)', () => {
    const r = parseLaunchArgs(['/usr/lib/electron/electron', '--inspect=0', '.', 'notes.md'], { ...linux, isPackaged: false });
    expect(r.files).toEqual(['/home/ana/Documents/notes.md']);
  });

  it('treats everything after "--" as files, and recognises --hidden before it', () => {
    const r = parseLaunchArgs(['ferry', '--hidden', '--', '-weird-name.txt'], linux);
    expect(r.files).toEqual(['/home/ana/Documents/-weird-name.txt']);
    expect(r.hidden).toBe(true);
  });

  it('separates ferry:// links, converts file:// URLs and ignores other URLs', () => {
    const r = parseLaunchArgs(
      ['ferry', 'ferry://connect?name=Acme&bucket=acme-share', 'file:///home/ana/My%20File.pdf', 'https://example.com/x', 'javascript:alert(1)'],
      linux,
    );
    expect(r.urls).toEqual(['ferry://connect?name=Acme&bucket=acme-share']);
    expect(r.files).toEqual(['/home/ana/My File.pdf']);
  });

  it('handles Windows "Send to" paths and de-duplicates case-insensitively', () => {
    const r = parseLaunchArgs(
      ['C:\\Program Files\\Ferry\\Ferry.exe', 'C:\\Users\\Ana\\a.docx', 'c:\\users\\ana\\A.DOCX', 'sub\\b.xlsx', 'D:/scans/c.pdf'],
      { cwd: 'C:\\Users\\Ana', platform: 'win32', isPackaged: true },
    );
    expect(r.files).toEqual(['C:\\Users\\Ana\\a.docx', 'C:\\Users\\Ana\\sub\\b.xlsx', 'D:\\scans\\c.pdf']);
  });

  it('takes the link the Windows installer registers as `Ferry.exe -- "%1"`, and ignores a smuggled switch before it', () => {
    const win = { cwd: 'C:\\Windows\\System32', platform: 'win32' as const, isPackaged: true };
    const r = parseLaunchArgs(['C:\\Ferry\\Ferry.exe', '--', 'ferry://connect?name=A&bucket=acme-share'], win);
    expect(r).toEqual({ files: [], urls: ['ferry://connect?name=A&bucket=acme-share'], hidden: false });
    const crafted = parseLaunchArgs(['C:\\Ferry\\Ferry.exe', '--gpu-launcher=calc.exe', '--', 'ferry://connect?x=1'], win);
    expect(crafted.files).toEqual([]);
    expect(crafted.urls).toEqual(['ferry://connect?x=1']);
  });

  it('handles an AppImage launched from a desktop entry (--no-sandbox %U)', () => {
    const r = parseLaunchArgs(['/opt/Ferry.AppImage.mount/ferry', '--no-sandbox', 'file:///home/ana/Q%26A.pdf'], linux);
    expect(r.files).toEqual(['/home/ana/Q&A.pdf']);
  });

  it('refuses empty, NUL-carrying and absurdly long arguments', () => {
    const r = parseLaunchArgs(['ferry', '', 'a\0b', 'x'.repeat(5000), 'ok.txt'], linux);
    expect(r.files).toEqual([path.posix.join(linux.cwd, 'ok.txt')]);
  });

  it('collects macOS open-file paths until the app is ready', () => {
    const pending = new PendingOpenFiles();
    pending.add('/Users/ana/a.pdf');
    pending.add('/Users/ana/a.pdf');
    pending.add('/Users/ana/b.pdf');
    expect(pending.take()).toEqual(['/Users/ana/a.pdf', '/Users/ana/b.pdf']);
    expect(pending.take()).toEqual([]);
  });
});
