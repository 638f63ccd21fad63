import type { Lang } from '../i18n/lang.ts';
import type { DialogPort, NotificationPort, WindowPort } from '../ports/uiPorts.ts';
import { toUserError } from '../errors/userError.ts';
import { formatLocalDateTime } from '../links/formatTime.ts';
import { logger } from '../log/logger.ts';
import type { TrayActions, TrayRecentFile } from './trayState.ts';
import { TrayCallError, type LinkCopy, type TrayServices, type TrayUploadSource } from './trayServices.ts';
import type { TemplateParams } from '../i18n/fillTemplate.ts';
import { text, type TextKey } from '../i18n/text.ts';

const log = logger('tray');

export interface TrayActionDeps {
  services: TrayServices;
  ports: { dialog: DialogPort; notifications: NotificationPort; window: WindowPort };
  lang: () => Lang;
  /** Asks the app to quit (the quit guard still asks first when uploads run). */
  quit: () => void;
}

export interface TrayActionsHandle extends TrayActions {
  /**
   * Files dropped on the tray icon (macOS drop-files; source 'tray') or handed over by the OS (a second
   * launch, open-file; source 'args'). Their links are copied when they finish.
   */
  uploadDropped(paths: string[], source?: TrayUploadSource): Promise<void>;
  /** Resolves when every action started so far has finished (tests, orderly shutdown). */
  idle(): Promise<void>;
}

/** Plain-language text for anything an action threw. */
export function failureText(error: unknown, lang: Lang): string {
  return error instanceof TrayCallError ? error.message : toUserError(error, lang).message;
}

/** "… works until Fri 18:00", noting when the link lives shorter than asked. */
export function linkCopiedBody(result: Pick<LinkCopy, 'expiresAt' | 'cappedBy'>, name: string, lang: Lang): string {
  const until = formatLocalDateTime(result.expiresAt, lang);
  return text(lang, result.cappedBy === 'credentials' ? 'tray.linkCopiedBodyCapped' : 'tray.linkCopiedBody', { name, until });
}

/** The tray's actions over Ferry's services: each one tells the user how it went with a notification. */
export function createTrayActions(deps: TrayActionDeps): TrayActionsHandle {
  const { services, ports } = deps;
  const pending = new Set<Promise<void>>();
  const t = (key: TextKey, params?: TemplateParams) => text(deps.lang(), key, params);

  const notifyFailure = (error: unknown, title = t('tray.actionFailedTitle')) => {
    log.warn('tray action failed', { code: error instanceof TrayCallError ? error.code : 'unexpected' });
    ports.notifications.show({ title, body: failureText(error, deps.lang()), onClick: () => ports.window.show('main') });
  };

  const track = (work: () => Promise<void>): Promise<void> => {
    const run = work().catch((error: unknown) => notifyFailure(error));
    pending.add(run);
    void run.finally(() => pending.delete(run));
    return run;
  };

  const copied = (file: TrayRecentFile, result: LinkCopy, title = t('tray.linkCopiedTitle')) =>
    ports.notifications.show({ title, body: linkCopiedBody(result, file.name, deps.lang()) });

  return {
    pauseAll: () => track(() => services.pauseAll()),
    resumeAll: () => track(() => services.resumeAll()),
    copyLink: (file, expiry) =>
      track(async () => copied(file, await services.copyLink({ objectKey: file.objectKey, profileId: file.profileId, ...(expiry ? { expiry } : {}) }))),
    copyShareMessage: (file) =>
      track(async () => copied(file, await services.copyShareMessage({ objectKey: file.objectKey, profileId: file.profileId }), t('tray.messageCopiedTitle'))),
    showInLinks: (file) => ports.window.show('links', { profileId: file.profileId, objectKey: file.objectKey }),
    stopSharing: (file) =>
      track(async () => {
        // The link service asks first (how many links break, delete or cancel): no second question here.
        const { cancelled } = await services.stopSharing({ objectKey: file.objectKey, profileId: file.profileId });
        if (!cancelled) ports.notifications.show({ title: t('tray.stoppedTitle'), body: t('tray.stoppedBody', { name: file.name }) });
      }),
    uploadFiles: () =>
      track(async () => {
        const paths = await ports.dialog.openFiles({ title: t('uploads.pickFilesTitle'), multiple: true });
        if (paths.length === 0) return;
        await reportRejected(await services.addUploads(paths, 'tray'));
      }),
    uploadDropped: (paths, source = 'tray') =>
      track(async () => {
        if (paths.length > 0) await reportRejected(await services.addUploads(paths, source));
      }),
    uploadFromClipboard: () =>
      track(async () => {
        const reply = await services.uploadFromClipboard();
        if (reply.accepted === 0 && reply.rejected.length === 0) {
          ports.notifications.show({ title: t('tray.nothingOnClipboardTitle'), body: t('tray.nothingOnClipboardBody') });
          return;
        }
        await reportRejected(reply);
      }),
    // Only shows the window: the user may be halfway through something (a second connection's form).
    openWindow: () => ports.window.show(),
    openToFix: () => ports.window.show('main'),
    openSettings: () => ports.window.show('settings'),
    quit: () => deps.quit(),
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };

  async function reportRejected(reply: { rejected: { name: string; error: { message: string } }[]; ids?: string[] }): Promise<void> {
    // With item ids the uploads engine lists rejected files as failed items: the upload notifier reports them.
    if (reply.ids) return;
    for (const { name, error } of reply.rejected.slice(0, 3)) {
      ports.notifications.show({ title: t('tray.uploadFailedTitle', { name }), body: error.message, onClick: () => ports.window.show('main') });
    }
  }
}
