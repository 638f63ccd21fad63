import { ferry, failureOf } from './api.ts';
import { t } from './i18n/i18n.svelte.ts';
import { announcer } from './announcer.svelte.ts';
import { linkCopiedText } from './linkToast.ts';
import { qr } from './qr.svelte.ts';
import { toasts } from './toasts.svelte.ts';

/** "Share as one link": the zip being made right now, if any, and how far it got. */
class BundleState {
  busy = $state(false);
  count = $state(0);
  fraction = $state(0);

  async share(request: { uploadIds?: string[]; linkIds?: string[] }, done: () => void): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.count = (request.uploadIds?.length ?? 0) + (request.linkIds?.length ?? 0);
    this.fraction = 0;
    const off = ferry.on('bundles.progress', (p) => (this.fraction = p.size > 0 ? Math.min(1, p.bytesDone / p.size) : 0));
    try {
      const result = await ferry.bundles.share(request);
      done();
      const text = linkCopiedText(result);
      toasts.show(text, 'info', { label: t('qr.show'), run: () => qr.open(result.linkId) });
      announcer.say(text);
    } catch (error) {
      const failure = failureOf(error);
      toasts.show(failure.message || t('error.generic'), 'error');
    } finally {
      off();
      this.busy = false;
    }
  }

  async cancel(): Promise<void> {
    await ferry.bundles.cancel().catch(() => undefined);
  }
}

export const bundles = new BundleState();
