import type { Lang } from '../i18n/lang.ts';
import type { Clock } from '../time/clock.ts';
import type { ClipboardPort, NotificationPort, WindowPort } from '../ports/uiPorts.ts';
import { formatLocalDateTime } from '../links/formatTime.ts';
import { redactUrl } from '../log/redact.ts';
import { logger } from '../log/logger.ts';
import type { TrayServices } from './trayServices.ts';
import { failureText, linkCopiedBody } from './trayActions.ts';
import type { TemplateParams } from '../i18n/fillTemplate.ts';
import { text, type TextKey } from '../i18n/text.ts';

const log = logger('tray');

/** A file the uploads engine finished with (done, failed or cancelled). */
export interface FinishedUpload {
  id: string;
  name: string;
  profileId: string;
  objectKey?: string;
  /** How it was queued: 'tray' and 'args' (second launch, Open with, macOS open-file) copy links. */
  source: string;
  outcome: 'done' | 'failed' | 'cancelled';
  /** Plain-language, already in the user's language. */
  error?: { code: string; message: string };
}

/** Files finishing this close together belong to one drop: their links go on the clipboard together. */
export const BATCH_WINDOW_MS = 30_000;
const TRAY_SOURCES = new Set(['tray', 'args']);

export interface UploadNotifierDeps {
  services: Pick<TrayServices, 'copyLink'>;
  ports: { clipboard: ClipboardPort; notifications: NotificationPort; window: WindowPort };
  lang: () => Lang;
  clock: Clock;
  isUploadOnly: (profileId: string) => boolean;
  /** Called with a short problem line after a failure (the tray's error state). */
  onFailure: (problem: string) => void;
}

/**
 * Uploads started without the window (tray, drop on the icon, a second launch) end with the link on the
 * clipboard and a notification giving the real expiry; a failure says why and opens the window on click.
 */
export class UploadNotifier {
  private batch: { links: string[]; earliestExpiry: number; lastAt: number } | undefined;
  private failures = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: UploadNotifierDeps) {}

  /** Handles finishes one at a time so batched links keep their order. */
  finished(upload: FinishedUpload): Promise<void> {
    this.queue = this.queue.then(() => this.handle(upload)).catch(() => undefined);
    return this.queue;
  }

  /** The failure count the problem line refers to; reset when the user has seen the window. */
  resetFailures(): void {
    this.failures = 0;
  }

  private async handle(upload: FinishedUpload): Promise<void> {
    if (!TRAY_SOURCES.has(upload.source) || upload.outcome === 'cancelled') return;
    const { ports } = this.deps;
    const lang = this.deps.lang();
    const t = (key: TextKey, params?: TemplateParams) => text(lang, key, params);
    const openWindow = () => ports.window.show('main');

    if (upload.outcome === 'failed' || !upload.objectKey) {
      this.failures += 1;
      this.deps.onFailure(t('tray.uploadsFailedProblem', { count: this.failures }));
      const body = upload.error?.message ?? failureText(undefined, lang);
      ports.notifications.show({ title: t('tray.uploadFailedTitle', { name: upload.name }), body, onClick: openWindow });
      return;
    }
    if (this.deps.isUploadOnly(upload.profileId)) {
      ports.notifications.show({ title: t('tray.uploadedNoLinkTitle'), body: t('tray.uploadedNoLinkBody', { name: upload.name }) });
      return;
    }
    try {
      const link = await this.deps.services.copyLink({ objectKey: upload.objectKey, profileId: upload.profileId });
      log.info('tray upload link copied', { url: redactUrl(link.url) });
      const now = this.deps.clock.now();
      const joins = this.batch && now - this.batch.lastAt <= BATCH_WINDOW_MS;
      this.batch = joins && this.batch
        ? { links: [...this.batch.links, link.url], earliestExpiry: Math.min(this.batch.earliestExpiry, link.expiresAt), lastAt: now }
        : { links: [link.url], earliestExpiry: link.expiresAt, lastAt: now };
      if (this.batch.links.length === 1) {
        ports.notifications.show({ title: t('tray.linkCopiedTitle'), body: linkCopiedBody(link, upload.name, lang) });
        return;
      }
      await ports.clipboard.writeText(this.batch.links.join('\n'));
      ports.notifications.show({
        title: t('tray.linksCopiedTitle', { count: this.batch.links.length }),
        body: t('tray.linksCopiedBody', { until: formatLocalDateTime(this.batch.earliestExpiry, lang) }),
      });
    } catch (error) {
      ports.notifications.show({ title: t('tray.linkFailedTitle', { name: upload.name }), body: failureText(error, lang), onClick: openWindow });
    }
  }
}
