/**
 * "Launch at login". macOS and Windows have app.setLoginItemSettings (the lead's main.ts passes it the
 * settings below); Linux has none, so Ferry writes an XDG autostart entry itself.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { HIDDEN_FLAG } from './launchArgs.ts';

/** What to hand Electron's app.setLoginItemSettings (macOS, Windows). */
export function loginItemSettings(enabled: boolean, platform: NodeJS.Platform): { openAtLogin: boolean; openAsHidden?: boolean; args?: string[] } {
  if (platform === 'darwin') return { openAtLogin: enabled, openAsHidden: true };
  return { openAtLogin: enabled, args: [HIDDEN_FLAG] };
}

/** Started by the OS at login: stay in the tray rather than open the window. */
export function startedAtLogin(input: { argv: readonly string[]; platform: NodeJS.Platform; wasOpenedAtLogin?: boolean }): boolean {
  if (input.platform === 'darwin') return input.wasOpenedAtLogin === true;
  return input.argv.includes(HIDDEN_FLAG);
}

/** Quotes one Exec argument as the Desktop Entry spec wants it. */
export function desktopExecArg(arg: string): string {
  const escaped = arg.replace(/%/g, '%%');
  if (!/[\s"'\\><~|&;$*?#()`]/.test(escaped)) return escaped;
  return `"${escaped.replace(/(["`$\\])/g, '\\$1')}"`;
}

/** The autostart entry for Linux; `executable` is $APPIMAGE for an AppImage, else process.execPath. */
export function linuxAutostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Ferry',
    'Comment=Share files from your company storage',
    `Exec=${desktopExecArg(executable)} ${HIDDEN_FLAG}`,
    'Icon=ferry',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function linuxAutostartFile(env: NodeJS.ProcessEnv = process.env): string {
  const config = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(os.homedir(), '.config');
  return path.join(config, 'autostart', 'ferry.desktop');
}

/** Writes or removes the Linux autostart entry. */
export async function applyLinuxAutostart(enabled: boolean, executable: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const file = linuxAutostartFile(env);
  if (!enabled) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, linuxAutostartEntry(executable), 'utf8');
}
