/**
 * Thin Electron glue for OS integration; every decision lives in src-main/os (plain Node, tested):
 * second launches and macOS open-file/open-url hand their files and links to this instance, closing the
 * window keeps Ferry in the tray, quitting while uploading asks first, launch-at-login and the global
 * "Upload from clipboard" shortcut follow the settings.
 */
import { app, globalShortcut, powerMonitor, type BrowserWindow } from 'electron';
import type { Services } from '../app/services.ts';
import type { ProfileInput } from '../accounts/connection.ts';
import type { TrayWiring } from '../tray/trayWiring.ts';
import type { AppSettings } from '../settings/settingsStore.ts';
import { errorText } from '../i18n/text.ts';
import { logger } from '../log/logger.ts';
import { parseLaunchArgs, PendingOpenFiles, type LaunchRequest } from '../os/launchArgs.ts';
import { handOffLaunch } from '../os/launchHandOff.ts';
import { keepRunningOnClose, showCloseToTrayNoticeOnce } from '../os/closeToTray.ts';
import { QuitGuard } from '../os/quitGuard.ts';
import { applyLinuxAutostart, loginItemSettings, startedAtLogin } from '../os/launchAtLogin.ts';
import { ClipboardShortcut } from '../os/clipboardShortcut.ts';

const log = logger('os');

export interface OsIntegrationDeps {
  /** Set once services exist (after app ready). */
  services: () => Services | undefined;
  tray: () => TrayWiring | undefined;
  /** Opens the import flow with a checked ferry://connect profile (nothing saved yet). */
  openConnect: (profile: ProfileInput) => void;
}

export interface OsIntegration {
  /** After services and the tray exist: handles the first launch's arguments, applies OS settings. */
  ready(): Promise<void>;
  /** Close → hide to the tray (first time: a notice); showing the window clears the tray's failure line. */
  guardWindow(window: BrowserWindow): void;
  /** True once the app is really quitting (the window may close). */
  readonly quitting: boolean;
}

/** Call at top level, right after app.requestSingleInstanceLock() succeeded and before app ready. */
export function installOsIntegration(deps: OsIntegrationDeps): OsIntegration {
  const pendingFiles = new PendingOpenFiles();
  const pendingUrls: string[] = [];
  let isReady = false;
  let quitting = false;
  let systemShutdown = false;
  const context = (cwd: string) => ({ cwd, platform: process.platform, isPackaged: app.isPackaged });

  const route = async (request: LaunchRequest, firstLaunch: boolean): Promise<void> => {
    const services = deps.services();
    const tray = deps.tray();
    if (!services || !tray) return;
    const lang = await services.lang();
    await handOffLaunch(
      request,
      {
        addUploads: (paths) => tray.uploadFromOs(paths),
        openConnect: deps.openConnect,
        window: services.ports.window,
        notifications: services.ports.notifications,
        lang: () => lang,
      },
      { firstLaunch },
    ).catch((error: unknown) => log.warn('launch hand-off failed', { error: String(error).slice(0, 200) }));
  };

  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (isReady) void route({ files: [file], urls: [], hidden: false }, false);
    else pendingFiles.add(file);
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    if (isReady) void route({ files: [], urls: [url], hidden: false }, false);
    else pendingUrls.push(url);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    void route(parseLaunchArgs(argv, context(workingDirectory)), false);
  });

  const guard = new QuitGuard({
    activeUploads: () => deps.tray()?.activeUploads() ?? 0,
    dialog: { confirm: (options) => deps.services()!.ports.dialog.confirm(options) },
    lang: () => deps.services()?.lang() ?? 'en',
  });
  app.on('before-quit', (event) => {
    if (!deps.services() || guard.check({ systemShutdown }) === 'quit') {
      quitting = true;
      return;
    }
    event.preventDefault();
    void guard.confirm().then((agreed) => {
      if (agreed) app.quit();
    });
  });
  app.on('will-quit', () => globalShortcut.unregisterAll());

  return {
    get quitting() {
      return quitting;
    },
    async ready() {
      isReady = true;
      powerMonitor.on('shutdown', () => {
        systemShutdown = true;
      });
      const services = deps.services();
      if (!services) return;
      const first = parseLaunchArgs(process.argv, context(process.cwd()));
      const hidden = startedAtLogin({ argv: process.argv, platform: process.platform, wasOpenedAtLogin: app.getLoginItemSettings().wasOpenedAtLogin });
      await route({ files: [...first.files, ...pendingFiles.take()], urls: [...first.urls, ...pendingUrls.splice(0)], hidden }, true);

      const shortcut = new ClipboardShortcut(globalShortcut, () => void deps.tray()?.actions.uploadFromClipboard());
      const apply = async (settings: AppSettings) => {
        const problem = shortcut.apply(settings.clipboardShortcut);
        if (problem) {
          services.ports.notifications.show({ title: 'Ferry', body: errorText(await services.lang(), problem.code, { ...problem.params }) });
        }
        if (!app.isPackaged) return; // never register a development build to start at login
        if (process.platform === 'linux') {
          await applyLinuxAutostart(settings.launchAtLogin, process.env.APPIMAGE ?? process.execPath).catch((error: unknown) =>
            log.warn('autostart entry not written', { error: String(error).slice(0, 200) }),
          );
        } else {
          app.setLoginItemSettings(loginItemSettings(settings.launchAtLogin, process.platform));
        }
      };
      await apply(await services.settings.get());
      services.settings.onChange((settings) => void apply(settings));
    },
    guardWindow(window) {
      window.on('close', (event) => {
        if (!keepRunningOnClose({ quitting, trayAvailable: deps.tray() !== undefined })) return;
        event.preventDefault();
        window.hide();
        const services = deps.services();
        if (!services) return;
        void services
          .lang()
          .then((lang) => showCloseToTrayNoticeOnce({ settings: services.settings, notifications: services.ports.notifications, lang, platform: process.platform }));
      });
      // Windows log-off/shutdown: let the window close and never ask (nobody is there to answer).
      window.on('query-session-end', () => {
        systemShutdown = true;
        quitting = true;
      });
      window.on('show', () => deps.tray()?.clearUploadProblem());
      window.on('focus', () => deps.tray()?.clearUploadProblem());
    },
  };
}
