/**
 * The core/v1 Event printer (printers.go `eventColumnDefinitions`, `printEvent`,
 * `formatEventSource`): LAST SEEN, TYPE, REASON, OBJECT, MESSAGE; wide adds SUBOBJECT, SOURCE,
 * FIRST SEEN, COUNT and NAME, in the column order below (the wide ones are interleaved).
 */
import type { KubeEvent } from '../types.js';
import { NAME_DOC, column, translateTimestampSince, wideColumn } from './columns.js';
import type { TableCell, TableColumn } from './table.js';

/** eventColumnDefinitions, in v1.32 order. */
export const EVENT_COLUMNS: TableColumn[] = [
  column('Last Seen', 'string', 'The time at which the most recent occurrence of this event was recorded.'),
  column('Type', 'string', 'Type of this event (Normal, Warning), new types could be added in the future'),
  column('Reason', 'string', "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
  column('Object', 'string', 'The object that this event is about.'),
  wideColumn('Subobject', 'string', 'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2].'),
  wideColumn('Source', 'string', 'The component reporting this event. Should be a short machine understandable string.'),
  column('Message', 'string', 'A human-readable description of the status of this operation.'),
  wideColumn('First Seen', 'string', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)'),
  wideColumn('Count', 'string', 'The number of times this event has occurred.'),
  wideColumn('Name', 'string', NAME_DOC, 'name'),
];

interface EventSeries {
  count?: number;
  lastObservedTime?: string;
}

/** formatEventSource: `component, host`, falling back to reportingController/Instance; no host → component alone. */
export function formatEventSource(ev: KubeEvent): string {
  const component = ev.source?.component || (ev.reportingController as string | undefined) || ev.reportingComponent || '';
  const instance = ev.source?.host || ev.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

/** printEvent cells (wide ones included), with the new-API fallbacks (eventTime, series, count 0 → 1). */
export function eventCells(ev: KubeEvent, nowMs: number): TableCell[] {
  let firstSeen = translateTimestampSince(ev.firstTimestamp, nowMs);
  if (!ev.firstTimestamp) firstSeen = translateTimestampSince(ev.eventTime, nowMs);
  let lastSeen = translateTimestampSince(ev.lastTimestamp, nowMs);
  if (!ev.lastTimestamp) lastSeen = firstSeen;
  let count = ev.count ?? 0;
  const series = ev.series as EventSeries | null | undefined;
  if (series) {
    lastSeen = translateTimestampSince(series.lastObservedTime, nowMs);
    count = series.count ?? 0;
  } else if (count === 0) {
    // Singleton events of the events.k8s.io API carry no count.
    count = 1;
  }
  const involved = ev.involvedObject ?? { kind: '', name: '' };
  const kind = (involved.kind ?? '').toLowerCase();
  const target = involved.name ? `${kind}/${involved.name}` : kind;
  return [
    lastSeen,
    ev.type ?? '',
    ev.reason ?? '',
    target,
    involved.fieldPath ?? '',
    formatEventSource(ev),
    (ev.message ?? '').trim(),
    firstSeen,
    count,
    ev.metadata.name ?? '',
  ];
}
