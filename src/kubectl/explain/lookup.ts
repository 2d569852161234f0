/**
 * How `kubectl explain RESOURCE[.field...]` finds what to print (kubectl pkg/explain
 * SplitAndParseResourceRequestWithMatchingPrefix, cmd/explain Run, explain/v2 explain.go):
 * the resource (longest dotted prefix that names one), the group/version (or --api-version),
 * the OpenAPI v3 document of that group/version and the kind's schema in it.
 */
import { resolveResource, type ResourceType } from '../../cluster/resources.js';
import { KubectlError } from '../errors.js';
import type { OpenApiSchema } from './schemas.js';

/** The group/versions kubelab serves OpenAPI v3 documents for (`api/v1`, `apis/apps/v1`...). */
export const DOCUMENT_PATHS = ['api/v1', 'apis/apps/v1', 'apis/discovery.k8s.io/v1'];

/** What explain renders: the kind's group/version/kind, its schema and the field path below it. */
export interface ExplainTarget {
  gvk: { group: string; kind: string; version: string };
  root: OpenApiSchema;
  fieldPath: string[];
  type: ResourceType;
}

/** schema.ParseGroupVersion. */
function parseGroupVersion(text: string): { group: string; version: string } {
  if (text === '' || text === '/') return { group: '', version: '' };
  const parts = text.split('/');
  if (parts.length === 1) return { group: '', version: parts[0] };
  if (parts.length === 2) return { group: parts[0], version: parts[1] };
  throw new KubectlError(`unexpected GroupVersion string: ${text}`);
}

/** Splits `deployments.apps.spec.strategy` into the resource type and the field path. */
function splitResource(arg: string): { type: ResourceType; fieldPath: string[] } {
  const parts = arg.split('.');
  for (let n = parts.length; n >= 1; n--) {
    const type = resolveResource(parts.slice(0, n).join('.'));
    if (type) return { type, fieldPath: parts.slice(n).filter((p) => p !== '') };
  }
  // Printed without `error: ` (the real kubectl v1.32.4 does so for explain).
  throw new KubectlError(`the server doesn't have a resource type "${parts[0]}"`, true);
}

/** Resolves the argument and --api-version to the schema to render; throws kubectl's errors. */
export function findExplainTarget(arg: string, apiVersion: string, schemas: Readonly<Record<string, OpenApiSchema>>): ExplainTarget {
  const { type, fieldPath } = splitResource(arg);
  let { group, version } = type;
  if (apiVersion !== '') ({ group, version } = parseGroupVersion(apiVersion));
  const gvr = `${group}/${version}, Resource=${type.plural}`;
  const docPath = group === '' ? `api/${version}` : `apis/${group}/${version}`;
  if (!DOCUMENT_PATHS.includes(docPath)) throw new KubectlError(`couldn't find resource for "${gvr}"`);
  if (group !== type.group || version !== type.version) throw new KubectlError(`error: GVR (${gvr}) not found in OpenAPI schema`, true);
  const gvk = { group, kind: type.kind, version };
  const root = Object.values(schemas).find((s) => (s['x-kubernetes-group-version-kind'] ?? []).some((g) => g.group === group && g.kind === type.kind && g.version === version));
  if (!root) throw new KubectlError(`error: GVK ${goMap(gvk)} not found in OpenAPI schema`, true);
  return { gvk, root, fieldPath, type };
}

function goMap(gvk: { group: string; kind: string; version: string }): string {
  return `map[group:${gvk.group} kind:${gvk.kind} version:${gvk.version}]`;
}
