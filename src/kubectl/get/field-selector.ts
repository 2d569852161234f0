/**
 * `--field-selector` as the API server applies it: `k=v`, `k==v`, `k!=v` joined by commas,
 * over the field labels each kind supports (pkg/registry/.../strategy.go ToSelectableFields).
 * An unsupported label is the server's BadRequest, as kubectl prints it.
 */
import { ApiError } from '../../cluster/errors.js';
import type { ResourceType } from '../../cluster/resources.js';
import type { KubeObject } from '../../cluster/types.js';
import { KubectlError } from '../errors.js';

/** A parsed field selector. */
export type FieldPredicate = (obj: KubeObject) => boolean;

const COMMON = ['metadata.name', 'metadata.namespace'];
const BY_KIND: Record<string, string[]> = {
  Pod: ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.nominatedNodeName'],
  Node: ['spec.unschedulable'],
  Namespace: ['status.phase'],
  ReplicaSet: ['status.replicas'],
  Event: ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
};

interface Term {
  field: string;
  value: string;
  negate: boolean;
}

/** Parses `text` for one type; throws kubectl's client error or the server's BadRequest. */
export function parseFieldSelector(text: string, type: ResourceType): FieldPredicate {
  const terms = text.split(',').map((t) => parseTerm(t, text));
  const allowed = [...COMMON, ...(BY_KIND[type.kind] ?? [])];
  for (const t of terms) {
    if (!allowed.includes(t.field)) {
      const gvr = `${type.group ? `${type.group}/` : '/'}${type.version}, Resource=${type.plural}`;
      throw new ApiError('BadRequest', 400, `Unable to find "${gvr}" that match label selector "", field selector "${text}": field label not supported: ${t.field}`);
    }
  }
  return (obj) => terms.every((t) => (fieldValue(obj, t.field) === t.value) !== t.negate);
}

function parseTerm(term: string, whole: string): Term {
  const m = /^([^=!]*)(!=|==|=)(.*)$/.exec(term);
  if (!m || m[1] === '') throw new KubectlError(`invalid selector: '${whole}'; can't understand '${term}'`);
  return { field: m[1].trim(), value: m[3].trim(), negate: m[2] === '!=' };
}

function fieldValue(obj: KubeObject, path: string): string {
  if (path === 'source') return String(((obj as unknown as { source?: { component?: string } }).source?.component) ?? '');
  let cur: unknown = obj;
  for (const part of path.split('.')) cur = (cur as Record<string, unknown> | undefined)?.[part];
  if (path === 'spec.hostNetwork' || path === 'spec.unschedulable') return String(cur === true);
  return cur === undefined || cur === null ? '' : String(cur);
}
