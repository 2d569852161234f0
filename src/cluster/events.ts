/**
 * The event recorder (client-go `tools/record`): Events in the involved object's namespace,
 * named `<object>.<hex nanoseconds>`, with repeats of the same (object, type, reason, message,
 * source) folded into one Event whose count and lastTimestamp grow, as the real correlator does.
 */
import type { Store } from './store.js';
import type { VirtualClock } from './clock.js';
import { apiVersionOf, resourceForKind } from './resources.js';
import type { KubeEvent, KubeObject } from './types.js';

/** Records events for controllers and the kubelet. */
export class EventRecorder {
  private readonly folded = new Map<string, string>();
  private counter = 0;

  constructor(
    private readonly store: Store,
    private readonly clock: VirtualClock,
  ) {}

  /**
   * Records an event about `obj`. `component` is the source (`deployment-controller`,
   * `kubelet`, `default-scheduler`, ...); `host` the node for kubelet events;
   * `fieldPath` e.g. `spec.containers{nginx}`.
   */
  record(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, component: string, opts: { host?: string; fieldPath?: string } = {}): void {
    const ns = obj.metadata.namespace ?? 'default';
    const foldKey = [obj.metadata.uid, type, reason, message, component, opts.fieldPath ?? ''].join('\u0000');
    const now = this.clock.timestamp();
    const existingName = this.folded.get(foldKey);
    if (existingName) {
      const existing = this.store.find<KubeEvent>('Event', ns, existingName);
      if (existing) {
        existing.count += 1;
        existing.lastTimestamp = now;
        this.store.updateOwned(existing);
        return;
      }
    }
    const nanos = BigInt(this.clock.now()) * 1_000_000n + BigInt(this.counter++ % 1_000_000);
    const name = `${obj.metadata.name}.${nanos.toString(16)}`;
    const event: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: ns },
      involvedObject: {
        kind: obj.kind,
        namespace: obj.metadata.namespace,
        name: obj.metadata.name!,
        uid: obj.metadata.uid!,
        apiVersion: apiVersionOf(resourceForKind(obj.kind)),
        resourceVersion: obj.metadata.resourceVersion,
        ...(opts.fieldPath ? { fieldPath: opts.fieldPath } : {}),
      },
      reason,
      message,
      source: opts.host ? { component, host: opts.host } : { component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: component,
      reportingInstance: opts.host ?? '',
    };
    if (!obj.metadata.namespace) delete event.involvedObject.namespace;
    this.store.createOwned(event);
    this.folded.set(foldKey, name);
  }

  /** Events about one object (by uid), oldest first, as `kubectl describe` lists them. */
  eventsFor(obj: KubeObject): KubeEvent[] {
    return this.store
      .list<KubeEvent>('Event', obj.metadata.namespace ?? 'default')
      .filter((e) => e.involvedObject.uid === obj.metadata.uid)
      .sort((a, b) => (a.firstTimestamp < b.firstTimestamp ? -1 : a.firstTimestamp > b.firstTimestamp ? 1 : 0));
  }
}
