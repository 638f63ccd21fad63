import { randomUUID } from 'node:crypto';
import type { Profile } from '../profile/profileModel.ts';
import type { Checkpoint } from './checkpointStore.ts';
import type { Completion } from './completionJournal.ts';
import type { PendingUpload } from './pendingStore.ts';
import { newEntry, type CollisionPolicy, type QueueEntry, type UploadSource } from './queueEntry.ts';
import type { WalkedFile } from './walker.ts';

/** A walked file as a queue entry; with a checkpoint for the same file, the entry resumes it. */
export function entryForFile(
  file: WalkedFile,
  options: { profile: Profile; baseKey: string; collision: CollisionPolicy; source: UploadSource; multipart: boolean; checkpoint?: Checkpoint | undefined },
): QueueEntry {
  const { checkpoint } = options;
  return newEntry({
    id: checkpoint?.id ?? randomUUID(),
    path: file.path,
    name: checkpoint?.name ?? file.relative.normalize('NFC'),
    size: file.size,
    profile: options.profile,
    baseKey: options.baseKey,
    collision: options.collision,
    source: options.source,
    multipart: checkpoint !== undefined || options.multipart,
    walked: true,
    ...(checkpoint ? { checkpoint, notice: 'uploads.notice.resumed' } : {}),
  });
}

/** An upload a previous run left unfinished, queued again from its checkpoint. */
export function entryForCheckpoint(checkpoint: Checkpoint, profile: Profile): QueueEntry {
  return newEntry({
    id: checkpoint.id,
    path: checkpoint.path,
    name: checkpoint.name,
    size: checkpoint.file.size,
    profile,
    baseKey: checkpoint.key,
    collision: checkpoint.collision ?? 'keepBoth',
    source: 'args',
    multipart: true,
    checkpoint,
    notice: 'uploads.notice.resumed',
    state: checkpoint.paused ? 'paused' : 'queued',
    userPaused: checkpoint.paused === true,
  });
}

/** A file that was queued (not yet sent) when a previous run ended, queued again as it was. */
export function entryForPending(pending: PendingUpload, profile: Profile, size: number, multipart: boolean): QueueEntry {
  return newEntry({
    id: pending.id,
    path: pending.path,
    name: pending.name,
    size,
    profile,
    baseKey: pending.baseKey,
    collision: pending.collision,
    source: pending.source,
    multipart,
    notice: 'uploads.notice.resumed',
    state: pending.paused ? 'paused' : 'queued',
    userPaused: pending.paused,
  });
}

/** A file that could not be queued, shown in the list as failed so the window can offer Retry. */
export function failedEntry(path: string, name: string, profile: Profile, source: UploadSource, error: unknown): QueueEntry {
  return newEntry({ id: randomUUID(), path, name: name.normalize('NFC'), size: 0, profile, baseKey: '', collision: 'keepBoth', source, multipart: false, state: 'failed', error });
}

/** A file an interrupted run already uploaded (completionJournal.ts): done, with the key it got then. */
export function uploadedEntry(completion: Completion, name: string, profile: Profile, source: UploadSource, now: number): QueueEntry {
  const entry = newEntry({
    id: randomUUID(),
    path: completion.path,
    name: name.normalize('NFC'),
    size: completion.size,
    profile,
    baseKey: completion.key,
    collision: 'keepBoth',
    source,
    multipart: false,
    state: 'done',
    objectKey: completion.key,
    finishedAt: now,
    notice: 'uploads.notice.alreadyUploaded',
  });
  entry.bytesDone = completion.size;
  return entry;
}
