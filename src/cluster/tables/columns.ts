/**
 * Shared pieces of the server-side printers (kubernetes `pkg/printers/internalversion/printers.go`):
 * column builders, the column descriptions, label and selector strings, the container cells and
 * translateTimestampSince. The literal descriptions of printers.go are copied; those it takes
 * from `SwaggerDoc()` are the k8s.io/api doc comments as recalled, some cut to their first
 * sentence (only NAME_DOC and CREATION_TIMESTAMP_DOC were checked against a recorded Table).
 * kubectl never prints descriptions, so a wording drift there changes no output.
 */
import type { Container, LabelSelector } from '../types.js';
import { ageOf } from './duration.js';
import type { TableColumn } from './table.js';

/** ObjectMeta `name` doc (metav1.ObjectMeta{}.SwaggerDoc()["name"]). */
export const NAME_DOC =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';

/** ObjectMeta `creationTimestamp` doc, the description of every Age column. */
export const CREATION_TIMESTAMP_DOC =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

/** The literal descriptions printers.go writes for the template columns. */
export const CONTAINERS_DOC = 'Names of each container in the template.';
/** See CONTAINERS_DOC. */
export const IMAGES_DOC = 'Images referenced by each container in the template.';

/** A column of priority 0 (always shown). */
export function column(name: string, type: string, description: string, format = ''): TableColumn {
  return { name, type, format, description, priority: 0 };
}

/** A column of priority 1 (shown with `-o wide`). */
export function wideColumn(name: string, type: string, description: string, format = ''): TableColumn {
  return { name, type, format, description, priority: 1 };
}

/** The `Name` column every printer starts with. */
export const NAME_COLUMN: TableColumn = column('Name', 'string', NAME_DOC, 'name');

/** The `Age` column (a string cell: translateTimestampSince). */
export const AGE_COLUMN: TableColumn = column('Age', 'string', CREATION_TIMESTAMP_DOC);

/** translateTimestampSince: HumanDuration since the timestamp, `<unknown>` without one. */
export function translateTimestampSince(timestamp: string | null | undefined, nowMs: number): string {
  return ageOf(timestamp ?? undefined, nowMs);
}

/**
 * labels.FormatLabels: `k=v` pairs sorted by key, comma-joined; `<none>` when empty
 * (`{app: 'web', color: 'blue'}` → `app=web,color=blue`).
 */
export function formatLabels(labels: Record<string, string> | null | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/**
 * `metav1.LabelSelectorAsSelector(s).String()`: requirements sorted by key; matchLabels as
 * `k=v`, In/NotIn as `k in (a,b)` with sorted values, Exists `k`, DoesNotExist `!k`. Empty or
 * missing selector → `` (labels.Everything / labels.Nothing both print empty).
 */
export function labelSelectorString(selector: LabelSelector | null | undefined): string {
  if (!selector) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const e of selector.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    switch (e.operator) {
      case 'In':
        reqs.push({ key: e.key, text: `${e.key} in (${values})` });
        break;
      case 'NotIn':
        reqs.push({ key: e.key, text: `${e.key} notin (${values})` });
        break;
      case 'Exists':
        reqs.push({ key: e.key, text: e.key });
        break;
      case 'DoesNotExist':
        reqs.push({ key: e.key, text: `!${e.key}` });
        break;
      default:
        reqs.push({ key: e.key, text: `${e.key} ${e.operator} (${values})` });
    }
  }
  // sort.Sort(ByKey) is not stable, but kubelab never has two requirements on one key in practice.
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs.map((r) => r.text).join(',');
}

/** metav1.FormatLabelSelector: the selector string, `<none>` when it is empty. */
export function formatLabelSelector(selector: LabelSelector | null | undefined): string {
  const s = labelSelectorString(selector);
  return s === '' ? '<none>' : s;
}

/** layoutContainerCells: container names and images, each comma-joined in spec order. */
export function layoutContainerCells(containers: Container[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

/**
 * listWithMoreString (EndpointSlice columns): up to 3 items, then ` + N more...`; `<unset>` when
 * there are none. 5 addresses → `a,b,c + 2 more...`.
 */
export function listWithMoreString(items: string[], max = 3): string {
  const shown = items.slice(0, max);
  const ret = shown.join(',');
  if (items.length > max) return `${ret} + ${items.length - max} more...`;
  return ret === '' ? '<unset>' : ret;
}
