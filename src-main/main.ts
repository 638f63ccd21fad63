// Lifecycle only. Before ready: app:// scheme → sandbox → single-instance lock → OS hooks. On ready:
// logging → harden → app:// files → tray icon → services → tray wiring → ipc → resumed uploads → first
// launch's files and links (which shows the window unless started hidden).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, app, ipcMain, protocol, session } from 'electron';
import { APP_SCHEME, hardenSession, hardenWebContents } from './security.ts';
import { appResponseHeaders, resolveAppFile } from './appProtocol.ts';
import { registerIpc, senderCheck } from './ipc.ts';
import { buildHandlerTable } from './app/handlers/handlerTable.ts';
import { createServices, type Services } from './app/services.ts';
import { readMachinePolicy } from './policy/machinePolicy.ts';
import { dataHome } from './storage/dataHome.ts';
import { configureLogging, logger } from './log/logger.ts';
import { createMainWindow } from './shell/mainWindow.ts';
import type { LinkFocus, WindowScreen } from './ports/uiPorts.ts';
import { electronClipboard, electronDialog, electronEvents, electronNotifications, electronWindowPort } from './shell/electronPorts.ts';
import { ElectronTray } from './shell/electronTray.ts';
import { installOsIntegration } from './shell/electronOs.ts';
import { electronProxyResolver } from './shell/electronProxyResolver.ts';
import { trayImagesDir } from './tray/electronTemplate.ts';
import { TeeEvents } from './tray/teeEvents.ts';
import { wireTray, type TrayWiring } from './tray/trayWiring.ts';
import { installTrayE2EHook } from './tray/e2eHook.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/preload.cjs');
const log = logger('main');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();
app.setPath('userData', dataHome());

let mainWindow: BrowserWindow | undefined;
let services: Services | undefined;
let tray: TrayWiring | undefined;

function showWindow(screen?: WindowScreen, focus?: LinkFocus): void {
  // The page follows app.navigate, or takes the request when it starts (a new window misses the event).
  // Without a screen the window keeps whatever the user was doing.
  if (screen) services?.navigation.request(screen, focus);
  revealWindow();
}

function revealWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow({ preloadPath, isPackaged: app.isPackaged });
    osIntegration?.guardWindow(mainWindow);
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

let osIntegration: ReturnType<typeof installOsIntegration> | undefined;
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  osIntegration = installOsIntegration({
    services: () => services,
    tray: () => tray,
    // The connect screen opens pre-filled from IT's ferry://connect link; the user adds the key. Kept in
    // main until the page takes it: when the link launched Ferry, the window is only starting to load.
    openConnect: (profile) => {
      services?.navigation.connect(profile);
      revealWindow();
    },
  });
  app.whenReady().then(start).catch((error: unknown) => {
    log.error('start-up failed', { error: error instanceof Error ? error.message : String(error) });
    app.exit(1);
  });
}

async function start(): Promise<void> {
  configureLogging({ dir: path.join(dataHome(), 'logs') });
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      return new Response(await readFile(file), { headers: appResponseHeaders(file) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });

  if (process.platform === 'win32') app.setAppUserModelId('app.ferry.desktop');
  const electronTray = new ElectronTray({
    imagesDir: trayImagesDir({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() }),
    onDropFiles: (paths) => void tray?.dropFiles(paths),
    onClick: () => showWindow(),
  });
  const events = new TeeEvents(electronEvents);
  services = await createServices({
    home: dataHome(),
    ports: {
      clipboard: electronClipboard,
      dialog: electronDialog,
      notifications: electronNotifications,
      tray: electronTray,
      events,
      window: electronWindowPort(showWindow),
    },
    appVersion: app.getVersion(),
    systemLocale: () => app.getLocale(),
    // IT's managed settings, read once at start: main enforces them from here on.
    policy: await readMachinePolicy(),
    proxyResolver: electronProxyResolver,
  });
  const ready = services;
  const table = buildHandlerTable(ready);
  tray = await wireTray(ready, electronTray, { table, events, quit: () => app.quit() });
  if (!app.isPackaged) installTrayE2EHook(process.env, { menu: () => electronTray.lastMenu, drop: (paths) => tray!.dropFiles(paths) });
  registerIpc(ipcMain, table, {
    isTrusted: senderCheck(() => BrowserWindow.getAllWindows().map((window) => window.webContents)),
    lang: () => ready.lang(),
  });
  // Uploads interrupted by a quit or crash carry on from their checkpoints; then private copies nobody needs go.
  void ready.uploads.resumeSaved().then(() => ready.dropped.sweep()).catch(() => undefined);
  ready.links.startBackground(); // "opened" receipts and day-before reminders
  await osIntegration?.ready(); // shows the window unless started hidden at login or handed only files/links
  app.on('activate', () => showWindow());
}

app.on('will-quit', () => {
  void services?.close();
});
