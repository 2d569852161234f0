/**
 * The Kubernetes REST API over a kubelab cluster, as plain request → response functions
 * (no sockets here): discovery, GET/LIST (objects, or `meta.k8s.io/v1` Tables when kubectl
 * asks for them), POST/PUT/PATCH/DELETE through the simulated API server, the `scale`
 * subresource, and errors as `Status` objects with their HTTP codes. Watches are described
 * here and streamed by server.ts.
 */
import type { WriteOptions } from '../cluster/api-server.js';
import type { Cluster } from '../cluster/cluster.js';
import { ApiError } from '../cluster/errors.js';
import type { PatchType } from '../cluster/patch/index.js';
import type { ResourceType } from '../cluster/resources.js';
import type { KubeObject, Pod } from '../cluster/types.js';
import { podLogText } from '../kubectl/commands/logs.js';
import { apiGroupList, apiResourceList, apiVersions, openApiDocument, openApiIndex, VERSION_INFO } from './discovery.js';
import { asTable, listObjects, parseResourcePath, type ResourcePath } from './resource-path.js';
import { scaleOf, writeScale } from './scale.js';

/** One HTTP request, body read. */
export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  accept: string;
  contentType: string;
  body: string;
}

/** A complete answer. */
export interface ApiResponse {
  status: number;
  body: unknown;
  /** `text/plain` bodies (logs) are strings sent as is. */
  contentType?: string;
  warnings?: string[];
}

/** A watch to stream: the server subscribes and sends events matching `path`. */
export interface WatchRequest {
  watch: ResourcePath;
  sinceResourceVersion: number;
  asTable: boolean;
  timeoutSeconds: number;
  labelSelector: string;
  fieldSelector: string;
}

/** Handles one request; throws nothing (errors become Status responses). */
export function handle(cluster: Cluster, req: ApiRequest): ApiResponse | WatchRequest {
  try {
    return route(cluster, req);
  } catch (err) {
    if (err instanceof ApiError) return { status: err.code, body: err.toStatus() };
    const message = err instanceof Error ? err.message : String(err);
    return { status: 500, body: status(500, 'InternalError', `kubelab: ${message}`) };
  }
}

/** A metav1.Status failure. */
export function status(code: number, reason: string, message: string): unknown {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

function route(cluster: Cluster, req: ApiRequest): ApiResponse | WatchRequest {
  const { path } = req;
  if (req.method === 'GET') {
    if (path === '/version') return ok(VERSION_INFO);
    if (path === '/api') return ok(apiVersions());
    if (path === '/apis') return ok(apiGroupList());
    if (path === '/openapi/v3') return ok(openApiIndex());
    if (path.startsWith('/openapi/v3/')) return okOr404(openApiDocument(path.slice('/openapi/v3/'.length)));
    const gv = /^\/(?:api\/v1|apis\/([^/]+)\/v1)\/?$/.exec(path);
    if (gv) return okOr404(apiResourceList(gv[1] ?? ''));
  }
  const target = parseResourcePath(path);
  if (!target) return { status: 404, body: status(404, 'NotFound', 'the server could not find the requested resource') };
  if (target.subresource === 'scale') return scaleRequest(cluster, req, target);
  if (target.subresource === 'attach' || target.subresource === 'exec') {
    // Reached only without a WebSocket upgrade (SPDY, from kubectl older than v1.30).
    return { status: 400, body: status(400, 'BadRequest', `kubelab serve speaks ${target.subresource} over WebSocket (v5.channel.k8s.io) only: use kubectl v1.30 or newer`) };
  }
  if (target.subresource === 'log') return podLog(cluster, req, target);
  if (target.subresource && target.subresource !== 'status') return { status: 404, body: status(404, 'NotFound', 'the server could not find the requested resource') };
  switch (req.method) {
    case 'GET':
      return read(cluster, req, target);
    case 'POST':
      return write(cluster, req, target, 201, (obj, opts) => cluster.api.create({ ...obj, metadata: { ...obj.metadata, namespace: target.namespace ?? obj.metadata?.namespace } }, opts));
    case 'PUT':
      return write(cluster, req, target, 200, (obj, opts) => cluster.api.update(obj, opts));
    case 'PATCH':
      return write(cluster, req, target, 200, (patch, opts) => cluster.api.patch(target.type.kind, target.namespace, target.name!, patchType(req.contentType), patch, opts));
    case 'DELETE':
      return remove(cluster, req, target);
    default:
      return { status: 405, body: status(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`) };
  }
}

function ok(body: unknown): ApiResponse {
  return { status: 200, body };
}

function okOr404(body: unknown): ApiResponse {
  return body === undefined ? { status: 404, body: status(404, 'NotFound', 'the server could not find the requested resource') } : ok(body);
}

function wantsTable(req: ApiRequest): boolean {
  return req.accept.includes('as=Table');
}

function read(cluster: Cluster, req: ApiRequest, target: ResourcePath): ApiResponse | WatchRequest {
  const watch = req.query.get('watch');
  if (watch === 'true' || watch === '1') {
    return { watch: target, sinceResourceVersion: Number(req.query.get('resourceVersion') || cluster.store.resourceVersion()), asTable: wantsTable(req), timeoutSeconds: Number(req.query.get('timeoutSeconds') ?? 1800), labelSelector: req.query.get('labelSelector') ?? '', fieldSelector: req.query.get('fieldSelector') ?? '' };
  }
  const includeObject = req.query.get('includeObject') === 'Object';
  if (target.name !== undefined) {
    const obj = cluster.api.get(target.type.kind, target.namespace, target.name);
    return ok(wantsTable(req) ? asTable(target.type, [obj], cluster.clock.now(), includeObject, cluster.store.resourceVersion()) : served(target.type, obj));
  }
  const items = listObjects(cluster, target, req.query.get('labelSelector') ?? '', req.query.get('fieldSelector') ?? '');
  const rv = cluster.store.resourceVersion();
  if (wantsTable(req)) return ok(asTable(target.type, items, cluster.clock.now(), includeObject, rv));
  const apiVersion = target.type.group ? `${target.type.group}/${target.type.version}` : target.type.version;
  return ok({ kind: `${target.type.kind}List`, apiVersion, metadata: { resourceVersion: rv }, items: items.map((o) => served(target.type, o)) });
}

/** The object with apiVersion and kind, as the API server sends it. */
export function served(type: ResourceType, obj: KubeObject): KubeObject {
  const apiVersion = type.group ? `${type.group}/${type.version}` : type.version;
  const { apiVersion: _a, kind: _k, ...rest } = obj as KubeObject & Record<string, unknown>;
  return { apiVersion, kind: type.kind, ...rest } as KubeObject;
}

function writeOptions(req: ApiRequest): WriteOptions & { dryRun: boolean } {
  const fv = req.query.get('fieldValidation');
  return {
    dryRun: req.query.get('dryRun') === 'All',
    fieldValidation: fv === 'Strict' || fv === 'Ignore' || fv === 'Warn' ? fv : undefined,
    fieldManager: req.query.get('fieldManager') ?? undefined,
  };
}

function parseBody(req: ApiRequest): Record<string, any> {
  try {
    return JSON.parse(req.body || 'null');
  } catch (err) {
    throw new ApiError('BadRequest', 400, `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml: ${(err as Error).message}`);
  }
}

type Writer = (obj: Record<string, any>, opts: ReturnType<typeof writeOptions>) => { object: KubeObject; warnings: string[] };

function write(cluster: Cluster, req: ApiRequest, target: ResourcePath, code: number, fn: Writer): ApiResponse {
  if (req.contentType.startsWith('application/apply-patch')) {
    return { status: 415, body: status(415, 'UnsupportedMediaType', 'kubelab serve does not support server-side apply yet: use kubectl apply without --server-side') };
  }
  const body = parseBody(req);
  // The real server defaults a typed request's apiVersion and kind from its URL.
  if (req.method !== 'PATCH' && body && typeof body === 'object' && !Array.isArray(body)) {
    body.apiVersion ??= target.type.group ? `${target.type.group}/${target.type.version}` : target.type.version;
    body.kind ??= target.type.kind;
  }
  const result = fn(body, writeOptions(req));
  cluster.settle();
  return { status: code, body: served(target.type, result.object), warnings: result.warnings };
}

function patchType(contentType: string): PatchType {
  if (contentType.startsWith('application/json-patch+json')) return 'json';
  if (contentType.startsWith('application/merge-patch+json')) return 'merge';
  if (contentType.startsWith('application/strategic-merge-patch+json')) return 'strategic';
  throw new ApiError('UnsupportedMediaType', 415, `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`);
}

function remove(cluster: Cluster, req: ApiRequest, target: ResourcePath): ApiResponse {
  if (target.name === undefined) return { status: 405, body: status(405, 'MethodNotAllowed', 'kubelab serve does not support deleting a collection yet') };
  const body = req.body ? parseBody(req) : {};
  const policy = body.propagationPolicy ?? req.query.get('propagationPolicy') ?? undefined;
  const grace = body.gracePeriodSeconds ?? (req.query.has('gracePeriodSeconds') ? Number(req.query.get('gracePeriodSeconds')) : undefined);
  const dryRun = (Array.isArray(body.dryRun) && body.dryRun.includes('All')) || req.query.get('dryRun') === 'All';
  const obj = cluster.api.delete(target.type.kind, target.namespace, target.name, { propagationPolicy: policy, gracePeriodSeconds: grace, dryRun });
  cluster.settle();
  return ok(served(target.type, obj));
}

function scaleRequest(cluster: Cluster, req: ApiRequest, target: ResourcePath): ApiResponse {
  if (req.method === 'GET') return ok(scaleOf(cluster, target));
  if (req.method === 'PATCH' || req.method === 'PUT') {
    const result = writeScale(cluster, target, req.method === 'PUT' ? 'replace' : patchType(req.contentType), parseBody(req), writeOptions(req).dryRun);
    cluster.settle();
    return ok(result);
  }
  return { status: 405, body: status(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource') };
}

function podLog(cluster: Cluster, req: ApiRequest, target: ResourcePath): ApiResponse {
  const pod = cluster.api.get<Pod>('Pod', target.namespace, target.name!);
  const names = pod.spec.containers.map((c) => c.name);
  const container = req.query.get('container') ?? (names.length === 1 ? names[0] : '');
  if (container === '') {
    throw new ApiError('BadRequest', 400, `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${names.join(' ')}]`);
  }
  return { status: 200, body: podLogText(cluster, pod, container), contentType: 'text/plain' };
}
