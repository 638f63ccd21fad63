import { errorText, type Surface } from '../i18n/text.ts';
import { toUserError } from '../errors/userError.ts';
import type { Lang } from '../i18n/lang.ts';
import { hasHiddenChars } from '../names/inertName.ts';
import { etaSeconds } from './progressBatcher.ts';
import type { QueueEntry, UploadItem } from './queueEntry.ts';

/** What the window sees of a queue entry, worded in `lang`. Never a path beyond the dropped name. */
/** With `sampleAt` (a monotonic ms reading), the speed meter takes a sample first. */
export function toItemView(entry: QueueEntry, lang: Lang, sampleAt?: number, surface: Surface = 'window'): UploadItem {
  const running = entry.state === 'uploading';
  const meter = running ? entry.speed : undefined;
  const speed = meter ? (sampleAt !== undefined ? meter.sample(entry.bytesDone, sampleAt) : meter.bytesPerSecond) : 0;
  return {
    id: entry.id,
    name: entry.name,
    size: entry.size,
    bytesDone: entry.bytesDone,
    state: entry.state,
    speed: Math.round(speed),
    etaSeconds: running ? etaSeconds(entry.size - entry.bytesDone, speed) : entry.state === 'done' ? 0 : null,
    profileId: entry.profile.id,
    ...(entry.objectKey ? { objectKey: entry.objectKey } : {}),
    ...(entry.error !== undefined ? { error: toUserError(entry.error, lang, surface) } : {}),
    ...(entry.notice ? { notice: errorText(lang, entry.notice, {}, surface) } : {}),
    ...(entry.finishedAt !== undefined ? { finishedAt: entry.finishedAt } : {}),
    ...(nameCleaned(entry) ? { nameCleaned: true } : {}),
    ...(entry.stopped ? { stopped: { ...entry.stopped } } : {}),
  };
}

/** A key was made for the file, without the hidden characters its name has (not a refused name, not an old checkpoint's key). */
function nameCleaned(entry: QueueEntry): boolean {
  return entry.baseKey !== '' && hasHiddenChars(entry.name) && !hasHiddenChars(entry.baseKey);
}
