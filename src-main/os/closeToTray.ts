import type { Lang } from '../i18n/lang.ts';
import type { NotificationPort } from '../ports/uiPorts.ts';
import { text } from '../i18n/text.ts';

export interface CloseInput {
  /** The app is quitting (menu Quit, Cmd+Q, OS shutdown): let the window close. */
  quitting: boolean;
  /** A tray icon exists; without one, hiding the window would leave no way back. */
  trayAvailable: boolean;
}

/**
 * Closing the window keeps Ferry in the tray. Decided synchronously, because the close event must be
 * prevented before the handler returns.
 */
export function keepRunningOnClose(input: CloseInput): boolean {
  return !input.quitting && input.trayAvailable;
}

export interface NoticeSettings {
  get(): Promise<{ closeToTrayNoticeShown: boolean }>;
  update(patch: { closeToTrayNoticeShown: boolean }): Promise<unknown>;
}

/** The first time the window goes to the tray, one notice says where Ferry went; never again after that. */
export async function showCloseToTrayNoticeOnce(deps: {
  settings: NoticeSettings;
  notifications: NotificationPort;
  lang: Lang;
  platform: NodeJS.Platform;
}): Promise<boolean> {
  const { closeToTrayNoticeShown } = await deps.settings.get();
  if (closeToTrayNoticeShown) return false;
  await deps.settings.update({ closeToTrayNoticeShown: true });
  deps.notifications.show({
    title: text(deps.lang, 'os.stillRunningTitle'),
    body: text(deps.lang, deps.platform === 'darwin' ? 'os.stillRunningMenuBar' : 'os.stillRunningTray'),
  });
  return true;
}
