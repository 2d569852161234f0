/**
 * What a lesson runtime hands React's `useSyncExternalStore`: an immutable snapshot rebuilt on
 * demand after a change, and listeners told once per burst of changes (a command printing many
 * chunks notifies once, in a microtask).
 */
export class SnapshotStore<S> {
  private readonly listeners = new Set<() => void>();
  private notifyQueued = false;
  private dirty = true;
  private current: S | undefined;

  constructor(private readonly build: () => S) {}

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current snapshot (a new object after every change). */
  snapshot = (): S => {
    if (this.dirty || this.current === undefined) this.current = this.build();
    this.dirty = false;
    return this.current;
  };

  /** Marks the snapshot stale and queues one notification. */
  changed(): void {
    this.dirty = true;
    if (this.notifyQueued) return;
    this.notifyQueued = true;
    queueMicrotask(() => {
      this.notifyQueued = false;
      for (const l of this.listeners) l();
    });
  }
}
