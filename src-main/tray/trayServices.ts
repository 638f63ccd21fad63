/**
 * What the tray needs from the rest of Ferry, in the contract's own terms, and the adapter that runs it
 * through the one handler table (the same parse → handler → allow-list path IPC uses). Files are added
 * through the uploads service itself: no page channel takes paths.
 */
import type { AddUploadsReply, InvokeChannel, ReplyOf, RequestOf } from '../contract.ts';
import { dispatch, type HandlerTable } from '../app/dispatch.ts';
import type { Lang } from '../i18n/lang.ts';
import type { UploadsService } from '../uploads/uploadsService.ts';
import type { TrayExpiry } from './trayState.ts';

export type LinkCopy = ReplyOf<'links.copy'>;
export type { AddUploadsReply };

/** Sources the tray and the OS hand-off use when they queue files (their links are copied on finish). */
export type TrayUploadSource = 'tray' | 'args';

export interface TrayServices {
  /** Signs a link (the profile's default expiry unless given), records it and puts it on the clipboard. */
  copyLink(request: { objectKey: string; profileId: string; expiry?: TrayExpiry }): Promise<LinkCopy>;
  /** Puts a share message (name, size, link, valid until) on the clipboard. */
  copyShareMessage(request: { objectKey: string; profileId: string }): Promise<LinkCopy>;
  /** Asks the user, then deletes the object so every link to it stops working. */
  stopSharing(request: { objectKey: string; profileId: string }): Promise<{ cancelled: boolean }>;
  pauseAll(): Promise<void>;
  resumeAll(): Promise<void>;
  addUploads(paths: string[], source: TrayUploadSource): Promise<AddUploadsReply>;
  uploadFromClipboard(): Promise<AddUploadsReply>;
}

/** A failed call, already in the user's language. */
export class TrayCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'TrayCallError';
  }
}

type Invoke = <C extends InvokeChannel>(channel: C, request: RequestOf<C>) => Promise<ReplyOf<C>>;

/** Calls a channel through the handler table; a failure throws TrayCallError with the plain-language message. */
export function invokeThroughHandlers(table: HandlerTable, lang: () => Lang | Promise<Lang>): Invoke {
  return async (channel, request) => {
    const envelope = await dispatch(table, channel, request, { lang: await lang() });
    if (!envelope.ok) throw new TrayCallError(envelope.error.code, envelope.error.message);
    return envelope.value as ReplyOf<typeof channel>;
  };
}

export function trayServicesFromHandlers(
  table: HandlerTable,
  lang: () => Lang | Promise<Lang>,
  uploads: Pick<UploadsService, 'add'>,
): TrayServices {
  const invoke = invokeThroughHandlers(table, lang);
  return {
    copyLink: ({ objectKey, profileId, expiry }) => invoke('links.copy', { objectKey, profileId, ...(expiry ? { expiry } : {}) }),
    copyShareMessage: ({ objectKey, profileId }) => invoke('links.copyMessage', { objectKey, profileId }),
    async stopSharing({ objectKey, profileId }) {
      const reply = await invoke('links.stopSharing', { objectKey, profileId, mode: 'delete' });
      return { cancelled: reply.cancelled === true };
    },
    async pauseAll() {
      await invoke('uploads.pauseAll', undefined);
    },
    async resumeAll() {
      await invoke('uploads.resumeAll', undefined);
    },
    addUploads: (paths, source) => uploads.add(paths, { source }),
    uploadFromClipboard: () => invoke('uploads.fromClipboard', undefined),
  };
}
