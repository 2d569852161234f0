/**
 * Discovery and OpenAPI documents for the real kubectl (see ../shared/notes/kubectl-api-needs.md
 * §2–3): legacy discovery (APIVersions, APIGroupList, APIResourceList with short names, the
 * `all` category and subresources), `/version` answering 1.32 so kubectl's version dispatcher
 * keeps v1.32.4, and OpenAPI v3 documents whose write operations carry the
 * group-version-kind extension and `fieldValidation` (so `apply` asks the server to validate),
 * with the schemas `kubectl explain` reads.
 */
import { RESOURCE_TYPES, type ResourceType } from '../cluster/resources.js';
import { SERVER_VERSION } from '../kubectl/commands/version.js';
import { SCHEMAS } from '../kubectl/explain/schemas.js';

/** `GET /version`: the simulated server, as `kubectl version` shows it. */
export const VERSION_INFO = SERVER_VERSION;

const GROUPS = [...new Set(RESOURCE_TYPES.filter((r) => r.group).map((r) => r.group))];

const SUBRESOURCES: Record<string, { name: string; kind: string; group: string; verbs: string[] }[]> = {
  Pod: [
    { name: 'attach', kind: 'PodAttachOptions', group: '', verbs: ['create', 'get'] },
    { name: 'exec', kind: 'PodExecOptions', group: '', verbs: ['create', 'get'] },
    { name: 'log', kind: 'Pod', group: '', verbs: ['get'] },
    { name: 'status', kind: 'Pod', group: '', verbs: ['get', 'patch', 'update'] },
  ],
  Deployment: [
    { name: 'scale', kind: 'Scale', group: 'autoscaling', verbs: ['get', 'patch', 'update'] },
    { name: 'status', kind: 'Deployment', group: 'apps', verbs: ['get', 'patch', 'update'] },
  ],
  ReplicaSet: [
    { name: 'scale', kind: 'Scale', group: 'autoscaling', verbs: ['get', 'patch', 'update'] },
    { name: 'status', kind: 'ReplicaSet', group: 'apps', verbs: ['get', 'patch', 'update'] },
  ],
};

/** `GET /api`. */
export function apiVersions(): unknown {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }] };
}

/** `GET /apis`. */
export function apiGroupList(): unknown {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: GROUPS.map((g) => ({ name: g, versions: [{ groupVersion: `${g}/v1`, version: 'v1' }], preferredVersion: { groupVersion: `${g}/v1`, version: 'v1' } })),
  };
}

/** `GET /api/v1` or `/apis/<group>/v1`; undefined for a group kubelab does not serve. */
export function apiResourceList(group: string): unknown {
  if (group !== '' && !GROUPS.includes(group)) return undefined;
  const resources: unknown[] = [];
  for (const r of RESOURCE_TYPES.filter((t) => t.group === group)) {
    resources.push({ name: r.plural, singularName: r.singular, namespaced: r.namespaced, kind: r.kind, verbs: r.verbs, shortNames: r.shortNames, categories: r.categories });
    for (const s of SUBRESOURCES[r.kind] ?? []) {
      resources.push({ name: `${r.plural}/${s.name}`, singularName: '', namespaced: r.namespaced, group: s.group || undefined, version: s.group ? 'v1' : undefined, kind: s.kind, verbs: s.verbs });
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/v1` : 'v1', resources };
}

/** The OpenAPI v3 document paths (`api/v1`, `apis/apps/v1`, ...). */
export const OPENAPI_PATHS = ['api/v1', ...GROUPS.map((g) => `apis/${g}/v1`)];

/** `GET /openapi/v3`. */
export function openApiIndex(): unknown {
  return { paths: Object.fromEntries(OPENAPI_PATHS.map((p) => [p, { serverRelativeURL: `/openapi/v3/${p}?hash=kubelab` }])) };
}

const WRITE_PARAMETERS = ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map((name) => ({ name, in: 'query', schema: { type: name === 'force' ? 'boolean' : 'string' } }));

/** `GET /openapi/v3/<path>`: list/get/write operations per resource, and the explain schemas. */
export function openApiDocument(docPath: string): unknown {
  if (!OPENAPI_PATHS.includes(docPath)) return undefined;
  const paths: Record<string, unknown> = {};
  for (const r of RESOURCE_TYPES) {
    if (gvPath(r) !== docPath) continue;
    const gvk = { group: r.group, version: r.version, kind: r.kind };
    const base = `/${docPath}${r.namespaced ? '/namespaces/{namespace}' : ''}/${r.plural}`;
    paths[base] = { get: { 'x-kubernetes-group-version-kind': gvk }, post: { 'x-kubernetes-group-version-kind': gvk, parameters: WRITE_PARAMETERS } };
    paths[`${base}/{name}`] = {
      get: { 'x-kubernetes-group-version-kind': gvk },
      put: { 'x-kubernetes-group-version-kind': gvk, parameters: WRITE_PARAMETERS },
      patch: { 'x-kubernetes-group-version-kind': gvk, parameters: WRITE_PARAMETERS },
    };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: VERSION_INFO.gitVersion }, paths, components: { schemas: SCHEMAS } };
}

function gvPath(r: ResourceType): string {
  return r.group ? `apis/${r.group}/${r.version}` : `api/${r.version}`;
}
