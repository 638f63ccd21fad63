/**
 * The time that day-relative labels ("Uploaded 14:32", "Uploaded yesterday 09:10") are measured from.
 * Renewed at each local midnight and when the window gets focus (a laptop that slept through midnight),
 * so a window left open overnight stays truthful without a timer per row.
 */
class Today {
  now = $state(Date.now());

  constructor() {
    this.renewAtMidnight();
    window.addEventListener('focus', () => (this.now = Date.now()));
  }

  private renewAtMidnight(): void {
    const day = new Date(this.now);
    const nextMidnight = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1).getTime();
    setTimeout(
      () => {
        this.now = Date.now();
        this.renewAtMidnight();
      },
      Math.max(1000, nextMidnight - Date.now() + 1000),
    );
  }
}

export const today = new Today();
