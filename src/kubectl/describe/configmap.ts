/** describe.go ConfigMapDescriber and describeNamespace. */
import type { ConfigMap, KubeEvent, Namespace } from '../../cluster/types.js';
import { describeEvents } from './events.js';
import { byteOrder, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './format.js';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer.js';

/**
 * Renders a ConfigMap: `Data` with a `====` underline, each key over `----` and its value,
 * then `BinaryData` with byte counts. kubectl ranges over Go maps (random order); kubelab
 * sorts the keys so output is reproducible.
 */
export function describeConfigMap(cm: ConfigMap, events: readonly KubeEvent[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cm.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace}\n`);
    printLabelsMultiline(w, 'Labels', cm.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', cm.metadata.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    const data = cm.data ?? {};
    for (const k of Object.keys(data).sort(byteOrder)) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${data[k]}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    const binary = cm.binaryData ?? {};
    for (const k of Object.keys(binary).sort(byteOrder)) w.write(LEVEL_0, `${k}: ${Buffer.from(binary[k], 'base64').length} bytes\n`);
    w.write(LEVEL_0, '\n');
    if (events) describeEvents(w, events, nowMs);
  });
}

/** Renders a Namespace (kubelab has no ResourceQuotas or LimitRanges, so both say none). */
export function describeNamespace(ns: Namespace): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
    const conditions = ((ns.status as Record<string, unknown> | undefined)?.conditions as { type: string; status: string; lastTransitionTime?: string; reason?: string; message?: string }[] | undefined) ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
    w.write(LEVEL_0, '\n');
    w.write(LEVEL_0, 'No resource quota.\n');
    w.write(LEVEL_0, '\n');
    w.write(LEVEL_0, 'No LimitRange resource.\n');
  });
}
