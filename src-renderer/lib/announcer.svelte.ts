/** Text for the polite ARIA live region: progress milestones and completions. */
export class Announcer {
  message = $state('');

  say(text: string): void {
    // Clearing first makes screen readers repeat an identical sentence.
    this.message = '';
    queueMicrotask(() => {
      this.message = text;
    });
  }
}

export const announcer = new Announcer();
