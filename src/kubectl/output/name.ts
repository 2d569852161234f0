/**
 * `kubectl get -o name` (cli-runtime printers/name.go NamePrinter): `kind.group/name` per
 * object, the kind lower-cased, the group left out for the core group; a List prints each item.
 */
import { KubectlError } from '../errors.js';
import { isPrintedList } from './json.js';

interface Named {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string };
}

/** The name printer's line for one object, without a newline: `deployment.apps/web`, `pod/web`. */
export function nameOf(obj: Named, operation = ''): string {
  if (!obj.kind && !obj.apiVersion) throw new KubectlError('missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type');
  const name = obj.metadata?.name || '<unknown>';
  if (!obj.kind) throw new KubectlError(`missing kind for resource with name ${name}`);
  const group = obj.apiVersion?.includes('/') ? obj.apiVersion.split('/')[0] : '';
  const kind = obj.kind.toLowerCase();
  const message = operation ? `${name} ${operation}` : name;
  return group ? `${kind}.${group}/${message}` : `${kind}/${message}`;
}

/** `-o name` of one object or of each item of a `printedList`, one line each. */
export function printNames(obj: unknown): string {
  const items = isPrintedList(obj) ? obj.items : [obj];
  return items.map((o) => `${nameOf(o as Named)}\n`).join('');
}
