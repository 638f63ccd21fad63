import type { UploadItem } from '../uploads/queueEntry.ts';
import type { TrayUploadsSummary } from './trayState.ts';
import type { FinishedUpload } from './uploadNotifier.ts';

const FINAL = new Set(['done', 'failed', 'cancelled']);
/** How many unclaimed finishes are kept for a track() that may still come. */
const FINISHED_EARLY_LIMIT = 500;

/**
 * The uploads as the tray sees them: the live items behind the progress line, and which of them the tray
 * or the OS started, so that their finish (even one published before add() returned its ids) copies a link.
 */
export class TrayUploads {
  private readonly items = new Map<string, UploadItem>();
  /** Item ids the tray or the OS started; their finish copies a link. */
  private readonly started = new Set<string>();
  /** Recently finished items, in case a finish is published before add() has returned its ids. */
  private readonly finishedEarly = new Map<string, UploadItem>();

  constructor(private readonly onFinished: (upload: FinishedUpload) => void) {}

  /** The ids the tray or the OS just queued. */
  track(ids: readonly string[]): void {
    for (const id of ids) {
      const early = this.finishedEarly.get(id);
      if (early) this.onFinished(finishedOf(early));
      else this.started.add(id);
    }
  }

  /** An uploads-engine change: keeps the items current and reports the tracked ones that finished. */
  update(changed: readonly UploadItem[], removed: readonly string[]): void {
    for (const id of removed) this.items.delete(id);
    for (const item of changed) {
      this.items.set(item.id, item);
      if (!FINAL.has(item.state)) continue;
      if (this.started.delete(item.id)) this.onFinished(finishedOf(item));
      else this.rememberFinished(item);
    }
  }

  summary(): TrayUploadsSummary {
    const s: TrayUploadsSummary = { running: 0, paused: 0, bytesDone: 0, bytesTotal: 0 };
    for (const item of this.items.values()) {
      if (item.state === 'paused') s.paused += 1;
      else if (item.state === 'queued' || item.state === 'uploading' || item.state === 'verifying') s.running += 1;
      else continue;
      s.bytesDone += item.bytesDone;
      s.bytesTotal += item.size;
    }
    return s;
  }

  private rememberFinished(item: UploadItem): void {
    this.finishedEarly.set(item.id, item);
    if (this.finishedEarly.size > FINISHED_EARLY_LIMIT) this.finishedEarly.delete(this.finishedEarly.keys().next().value as string);
  }
}

function finishedOf(item: UploadItem): FinishedUpload {
  return {
    id: item.id,
    name: item.name,
    profileId: item.profileId,
    ...(item.objectKey ? { objectKey: item.objectKey } : {}),
    source: 'tray',
    outcome: item.state as FinishedUpload['outcome'],
    ...(item.error ? { error: item.error } : {}),
  };
}
