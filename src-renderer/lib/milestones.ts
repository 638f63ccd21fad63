import { visibleName } from '../../src-main/names/inertName.ts';
import { t } from './i18n/i18n.svelte.ts';
import type { UploadItem } from './types.ts';

/**
 * Sentences for the live region: a file finished or failed, the queue passed a quarter, everything is
 * done. Not every progress tick — a screen reader user needs milestones, not a stream of numbers.
 */
export class Milestones {
  private quarter = 0;

  onBatch(changed: UploadItem[], previous: Map<string, UploadItem>, totals: { active: number; fraction: number; finished: number; failed: number }): string[] {
    const said: string[] = [];
    const finished = changed.filter((item) => item.state === 'done' && previous.get(item.id)?.state !== 'done');
    const failed = changed.filter((item) => item.state === 'failed' && previous.get(item.id)?.state !== 'failed');
    if (finished.length === 1) said.push(t('live.fileDone', { name: visibleName((finished[0] as UploadItem).name) }));
    else if (finished.length > 1) said.push(t('live.filesDone', { n: finished.length }));
    if (failed.length > 0) said.push(t('live.filesFailed', { n: failed.length }));

    if (totals.active === 0) {
      if (this.quarter > 0 || finished.length > 0) said.push(t('live.allDone', { n: totals.finished }));
      this.quarter = 0;
    } else {
      const quarter = Math.floor(totals.fraction * 4);
      if (quarter > this.quarter && quarter < 4) said.push(t('live.progress', { percent: quarter * 25 }));
      this.quarter = Math.max(this.quarter, quarter);
    }
    return said;
  }
}
