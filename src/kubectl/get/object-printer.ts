/**
 * The printers `kubectl get -o` builds (cli-runtime PrintFlags.ToPrinter): each returns the
 * text for one object (a single object or a v1 List). A printer keeps state across calls as
 * kubectl's do: the YAML printer writes `---` before every object after the first (watch).
 */
import type { ResourceType } from '../../cluster/resources.js';
import type { KubeObject } from '../../cluster/types.js';
import type { Invocation } from '../command.js';
import { KubectlError } from '../errors.js';
import { toGoYaml } from '../manifests/go-yaml-print.js';
import { resourceName } from '../manifests/write-support.js';
import type { OutputFormat } from './generic.js';

/** Prints one object; `types` are the types of the object or of the List's items. */
export type ObjectPrint = (obj: KubeObject, types: ResourceType[]) => string;

/** Builds the printer for a non-table format. */
export function objectPrinter(format: Exclude<OutputFormat, { kind: 'human' }>, inv: Invocation): ObjectPrint {
  void inv;
  switch (format.kind) {
    case 'yaml': {
      let count = 0;
      return (obj) => `${++count > 1 ? '---\n' : ''}${toGoYaml(obj)}`;
    }
    case 'json':
      return (obj) => `${goJsonIndent(obj)}\n`;
    case 'name':
      return (obj, types) => {
        const items = isList(obj) ? (obj as unknown as { items: KubeObject[] }).items : [obj];
        return items.map((o, i) => `${resourceName(types[i], o.metadata.name ?? '')}\n`).join('');
      };
    default:
      throw new KubectlError(`kubelab does not simulate "-o ${format.kind}" yet`);
  }
}

function isList(obj: KubeObject): boolean {
  return obj.kind === 'List' && Array.isArray((obj as unknown as { items?: unknown }).items);
}

/** json.MarshalIndent(obj, "", "    ") of an unstructured object: sorted keys, `<>&` escaped. */
export function goJsonIndent(v: unknown): string {
  return JSON.stringify(sortKeys(v), null, 4).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sortKeys(o[k])]));
  }
  return v;
}
