import type { Lang } from '../i18n/lang.ts';
import type { ConfirmOptions, DialogPort } from '../ports/uiPorts.ts';
import { text } from '../i18n/text.ts';

export type QuitDecision = 'quit' | 'ask';

/**
 * Quitting while files upload asks first — unless the OS is shutting down (no one is there to answer)
 * or the user already agreed. Uploads resume from their checkpoints on the next start.
 */
export function decideQuit(input: { activeUploads: number; confirmed: boolean; systemShutdown?: boolean }): QuitDecision {
  if (input.confirmed || input.systemShutdown || input.activeUploads <= 0) return 'quit';
  return 'ask';
}

export function quitConfirmOptions(activeUploads: number, lang: Lang): ConfirmOptions {
  return {
    message: text(lang, 'os.quitQuestion', { count: activeUploads }),
    detail: text(lang, 'os.quitDetail'),
    buttons: [text(lang, 'os.quitConfirm'), text(lang, 'os.keepUploading')],
    defaultId: 1,
    cancelId: 1,
  };
}

/**
 * Drives `before-quit`: `check()` answers synchronously whether the quit may go on; when it may not,
 * the caller prevents it and awaits `confirm()`, and calls app.quit() again if that resolves true.
 */
export class QuitGuard {
  private confirmed = false;
  private asking: Promise<boolean> | undefined;

  constructor(
    private readonly deps: { activeUploads: () => number; dialog: Pick<DialogPort, 'confirm'>; lang: () => Lang | Promise<Lang> },
  ) {}

  check(options: { systemShutdown?: boolean } = {}): QuitDecision {
    return decideQuit({ activeUploads: this.deps.activeUploads(), confirmed: this.confirmed, ...options });
  }

  /** One question at a time: a second Quit while the dialog is open gets the same answer. */
  confirm(): Promise<boolean> {
    this.asking ??= Promise.resolve(this.deps.lang())
      .then((lang) => this.deps.dialog.confirm(quitConfirmOptions(this.deps.activeUploads(), lang)))
      .then((answer) => {
        this.confirmed = answer === 0;
        return this.confirmed;
      })
      .finally(() => {
        this.asking = undefined;
      });
    return this.asking;
  }
}
