/** Text for the polite ARIA live region: progress milestones, completions, screen changes. */
export class Announcer {
  message = $state('');
  private pending: string[] = [];

  /** Sentences said in the same moment (a screen change and what that screen did) are read together. */
  say(text: string): void {
    if (this.pending.length === 0) {
      // Clearing first makes screen readers repeat an identical sentence.
      this.message = '';
      queueMicrotask(() => {
        this.message = this.pending.join(' ');
        this.pending = [];
      });
    }
    this.pending.push(text);
  }
}

export const announcer = new Announcer();
