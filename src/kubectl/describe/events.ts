/**
 * describe.go DescribeEvents: the Events table (Type, Reason, Age, From, Message) sorted by
 * lastTimestamp, with `(x2 over 20s)` for repeated events, or `Events:  <none>`.
 */
import type { KubeEvent } from '../../cluster/types.js';
import { since } from './format.js';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer.js';

/** Writes the Events section for `events` (as listed by the API server) at virtual time `nowMs`. */
export function describeEvents(w: PrefixWriter, events: readonly KubeEvent[], nowMs: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  // event.SortableEvents orders by lastTimestamp; Go's sort.Sort is an insertion sort (stable)
  // below 13 items, so equal times keep the API server's (name) order. Stable here for all sizes.
  const sorted = [...events].sort((a, b) => Date.parse(a.lastTimestamp ?? '') - Date.parse(b.lastTimestamp ?? ''));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? since(e.eventTime, nowMs) : since(e.firstTimestamp, nowMs);
    const series = e.series as { lastObservedTime?: string; count?: number } | undefined;
    let interval: string;
    if (series) interval = `${since(series.lastObservedTime, nowMs)} (x${series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, nowMs)} (x${e.count} over ${first})`;
    else interval = first;
    const source = e.source?.component || ((e as { reportingController?: string }).reportingController ?? '');
    w.write(LEVEL_1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${e.message.trim()}\n`);
  }
}

/**
 * The events `kubectl describe` finds for an object: the API server's list (name order) of
 * Events in its namespace whose involvedObject has its name, namespace, kind and uid
 * (searchEvents' field selector). Pods are searched without the kind.
 */
export function eventsForObject(all: readonly KubeEvent[], obj: { kind: string; metadata: { name?: string; namespace?: string; uid?: string } }, opts: { ignoreKind?: boolean } = {}): KubeEvent[] {
  return all.filter((e) => {
    const io = e.involvedObject;
    if (io.name !== obj.metadata.name) return false;
    if ((io.namespace ?? '') !== (obj.metadata.namespace ?? '')) return false;
    if (!opts.ignoreKind && io.kind !== obj.kind) return false;
    return io.uid === obj.metadata.uid;
  });
}
