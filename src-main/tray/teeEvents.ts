import type { EventChannel, EventPayloadOf } from '../contract.ts';
import type { EventSink } from '../ports/uiPorts.ts';

/**
 * Forwards main → renderer events to the window as before, and lets the tray listen in (profiles and
 * session changes). Built before the services, so the listener is attached later.
 */
export class TeeEvents implements EventSink {
  private readonly listeners = new Set<(event: EventChannel, payload: unknown) => void>();

  constructor(private readonly inner: EventSink) {}

  emit<E extends EventChannel>(event: E, payload: EventPayloadOf<E>): void {
    this.inner.emit(event, payload);
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch {
        // A listener's bug must never stop the window from getting its events.
      }
    }
  }

  listen(listener: (event: EventChannel, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
