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

/** Launch requests that came before the app was ready wait here for ready(). */
interface LaunchQueue {
  isReady: boolean;
  files: PendingOpenFiles;
  urls: string[];
}

interface QuitState {
  /** True once the app is really quitting (the window may close). */
  quitting: boolean;
  /** The OS is logging off or shutting down: nobody is there to answer a question. */
  systemShutdown: boolean;
}

type Route = (request: LaunchRequest, firstLaunch: boolean) => Promise<void>;

/** Call at top level, right after app.requestSingleInstanceLock() succeeded and before app ready. */
export function installOsIntegration(deps: OsIntegrationDeps): OsIntegration {
  const launches: LaunchQueue = { isReady: false, files: new PendingOpenFiles(), urls: [] };
  const quit: QuitState = { quitting: false, systemShutdown: false };
  const route = launchRouter(deps);
  listenForLaunches(launches, route);
  askBeforeQuitting(deps, quit);
  return {
    get quitting() {
      return quit.quitting;
    },
    async ready() {
      launches.isReady = true;
      powerMonitor.on('shutdown', () => {
        quit.systemShutdown = true;
      });
      const services = deps.services();
      if (!services) return;
      await route(firstLaunchRequest(launches), true);
      await followOsSettings(services, deps.tray);
    },
    guardWindow: (window) => guardWindow(window, deps, quit),
  };
}

function launchContext(cwd: string) {
  return { cwd, platform: process.platform, isPackaged: app.isPackaged };
}

/** Hands a launch's files and links to the tray's uploads or the connect screen (once services exist). */
function launchRouter(deps: OsIntegrationDeps): Route {
  return async (request, firstLaunch) => {
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
}

/** Second launches and macOS open-file/open-url; before ready, macOS's files and links wait in the queue. */
function listenForLaunches(launches: LaunchQueue, route: Route): void {
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (launches.isReady) void route({ files: [file], urls: [], hidden: false }, false);
    else launches.files.add(file);
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    if (launches.isReady) void route({ files: [], urls: [url], hidden: false }, false);
    else launches.urls.push(url);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    void route(parseLaunchArgs(argv, launchContext(workingDirectory)), false);
  });
}

/** This launch's own arguments plus whatever macOS handed over before ready. */
function firstLaunchRequest(launches: LaunchQueue): LaunchRequest {
  const first = parseLaunchArgs(process.argv, launchContext(process.cwd()));
  const hidden = startedAtLogin({ argv: process.argv, platform: process.platform, wasOpenedAtLogin: app.getLoginItemSettings().wasOpenedAtLogin });
  return { files: [...first.files, ...launches.files.take()], urls: [...first.urls, ...launches.urls.splice(0)], hidden };
}

/** Quitting while uploads run asks first (not when the system is shutting down). */
function askBeforeQuitting(deps: OsIntegrationDeps, quit: QuitState): void {
  const guard = new QuitGuard({
    activeUploads: () => deps.tray()?.activeUploads() ?? 0,
    dialog: { confirm: (options) => deps.services()!.ports.dialog.confirm(options) },
    lang: () => deps.services()?.lang() ?? 'en',
  });
  app.on('before-quit', (event) => {
    if (!deps.services() || guard.check({ systemShutdown: quit.systemShutdown }) === 'quit') {
      quit.quitting = true;
      return;
    }
    event.preventDefault();
    void guard.confirm().then((agreed) => {
      if (agreed) app.quit();
    });
  });
  app.on('will-quit', () => globalShortcut.unregisterAll());
}

/** The clipboard shortcut and launch-at-login follow the settings, now and on every change. */
async function followOsSettings(services: Services, tray: () => TrayWiring | undefined): Promise<void> {
  const shortcut = new ClipboardShortcut(globalShortcut, () => void tray()?.actions.uploadFromClipboard());
  const apply = async (settings: AppSettings) => {
    const problem = shortcut.apply(settings.clipboardShortcut);
    if (problem) {
      services.ports.notifications.show({ title: 'Ferry', body: errorText(await services.lang(), problem.code, { ...problem.params }) });
    }
    await applyLaunchAtLogin(settings.launchAtLogin);
  };
  await apply(await services.settings.get());
  services.settings.onChange((settings) => void apply(settings));
}

async function applyLaunchAtLogin(enabled: boolean): Promise<void> {
  if (!app.isPackaged) return; // never register a development build to start at login
  if (process.platform === 'linux') {
    await applyLinuxAutostart(enabled, process.env.APPIMAGE ?? process.execPath).catch((error: unknown) =>
      log.warn('autostart entry not written', { error: String(error).slice(0, 200) }),
    );
  } else {
    app.setLoginItemSettings(loginItemSettings(enabled, process.platform));
  }
}

/** Close → hide to the tray (first time: a notice); showing the window clears the tray's failure line. */
function guardWindow(window: BrowserWindow, deps: OsIntegrationDeps, quit: QuitState): void {
  window.on('close', (event) => {
    if (!keepRunningOnClose({ quitting: quit.quitting, trayAvailable: deps.tray() !== undefined })) return;
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
    quit.systemShutdown = true;
    quit.quitting = true;
  });
  window.on('show', () => deps.tray()?.clearUploadProblem());
  window.on('focus', () => deps.tray()?.clearUploadProblem());
}
