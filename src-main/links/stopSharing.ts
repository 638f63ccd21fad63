import { randomBytes } from 'node:crypto';
import type { Profile } from '../profile/profileModel.ts';
import { FerryError, isFerryError } from '../errors/ferryError.ts';
import type { Lang } from '../i18n/lang.ts';
import { text } from '../i18n/text.ts';
import { logger } from '../log/logger.ts';
import type { DialogPort, EventSink } from '../ports/uiPorts.ts';
import type { Clock } from '../time/clock.ts';
import { nameOfKey } from './contentDisposition.ts';
import type { Ledger } from './ledger.ts';
import { isActive } from './linkService.ts';
import type { ObjectOps } from './objectOps.ts';
import { assertInFolder } from './folder.ts';

const log = logger('links');

export type StopMode = 'delete' | 'move';

export interface StopResult {
  mode: StopMode;
  newObjectKey?: string;
  linksStopped: number;
  cancelled: boolean;
}

export interface StopSharingDeps {
  clock: Clock;
  dialog: DialogPort;
  events: EventSink;
  ledger: Ledger;
  objects: ObjectOps;
  profile(id?: string): Promise<Profile>;
  /** Ids of every connection to the same bucket at the same address as `profile` (itself included). */
  sameBucket?(profile: Profile): Promise<string[]>;
  /** The profile's folder; nothing outside it is moved or deleted. */
  folder(profile: Profile): string;
  /** Tells the upload rows that showed this object. */
  onStopped?(profileId: string, objectKey: string, stop: { at: number; mode: StopMode; movedTo?: string }): void;
}

/**
 * `dir/report.pdf` → `dir/moved-3f9a1c2e/report.pdf`: same name (so new links download under it), a key
 * no old link points to. A file moved before loses its old `moved-…` folder rather than nesting.
 */
export function movedKey(key: string): string {
  const slash = key.lastIndexOf('/');
  let dir = slash < 0 ? '' : key.slice(0, slash + 1);
  if (/(^|\/)moved-[0-9a-f]{8}\/$/.test(dir)) dir = dir.replace(/moved-[0-9a-f]{8}\/$/, '');
  return `${dir}moved-${randomBytes(4).toString('hex')}/${key.slice(slash + 1)}`;
}

/**
 * Signed URLs cannot be recalled. The two real ways to stop them: delete the object, or move it to a
 * new key (copy + delete) so the bytes stay and every old URL points at nothing.
 */
export async function stopSharing(
  deps: StopSharingDeps,
  request: { objectKey: string; profileId?: string | undefined; mode: StopMode; confirmed?: boolean },
  lang: Lang,
): Promise<StopResult> {
  const profile = await deps.profile(request.profileId);
  if (profile.uploadOnly) throw new FerryError('links.uploadOnly', { profile: profile.name });
  const { objectKey, mode } = request;
  assertInFolder(objectKey, deps.folder(profile));
  const name = nameOfKey(objectKey);
  const now = deps.clock.now();
  const live = (await deps.ledger.list()).filter((e) => e.profileId === profile.id && e.objectKey === objectKey && isActive(e, now)).length;

  // Deleting loses the file, so main asks through the OS dialog itself (the renderer is not trusted to
  // have asked). Moving keeps the file: the choice made in the window is enough.
  if (mode === 'delete' && !request.confirmed) {
    const choice = await deps.dialog.confirm({
      message: text(lang, 'links.stop.deleteMessage', { name }),
      detail: text(lang, 'links.stop.deleteDetail', { count: live }),
      buttons: [text(lang, 'links.deleteButton'), text(lang, 'app.cancelButton')],
      defaultId: 1,
      cancelId: 1,
    });
    if (choice !== 0) return { mode, linksStopped: 0, cancelled: true };
  }

  let newObjectKey: string | undefined;
  if (mode === 'delete') {
    try {
      await deps.objects.remove(profile, objectKey);
    } catch (error) {
      // Already gone: every link to it is broken, which is what the user asked for.
      if (!(isFerryError(error) && error.code === 'links.objectMissing')) throw error;
    }
  } else {
    newObjectKey = movedKey(objectKey);
    await deps.objects.move(profile, objectKey, newObjectKey);
  }
  const stop = { at: deps.clock.now(), mode, ...(newObjectKey !== undefined ? { movedTo: newObjectKey } : {}) };
  // A link made through another connection to this bucket points at the same object: it stopped working too.
  const through = (await deps.sameBucket?.(profile)) ?? [profile.id];
  const linksStopped = await deps.ledger.markStopped(through, objectKey, stop);
  for (const id of through) deps.onStopped?.(id, objectKey, stop);
  deps.events.emit('links.changed', { count: linksStopped });
  log.info('sharing stopped', { mode, linksStopped });
  return { mode, ...(newObjectKey !== undefined ? { newObjectKey } : {}), linksStopped, cancelled: false };
}
