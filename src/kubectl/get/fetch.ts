/**
 * What cli-runtime's resource Builder hands `kubectl get`: one result per request (a list of
 * a type, or one named object), in argument order, with NotFound errors kept aside
 * (ContinueOnError) and whether the user asked for exactly one object (singleItemImplied).
 */
import { notFound, type ApiError } from '../../cluster/errors.js';
import { resourceForKind, type ResourceType } from '../../cluster/resources.js';
import type { KubeObject } from '../../cluster/types.js';
import type { Invocation } from '../command.js';
import { parseLabelSelector, type LabelPredicate } from '../describe/label-selector.js';
import { KubectlError } from '../errors.js';
import { readManifests } from '../manifests/read-manifests.js';
import { parseResourceArgs, type ResourceRequest } from '../resource-args.js';
import { parseFieldSelector, type FieldPredicate } from './field-selector.js';

/** One builder result: a list of one type, or a single named object. */
export interface Info {
  type: ResourceType;
  objects: KubeObject[];
  /** A list request (as opposed to a GET of one name). */
  isList: boolean;
}

/** The builder's output. */
export interface Fetched {
  infos: Info[];
  errors: (ApiError | Error)[];
  singleItemImplied: boolean;
}

/** How to select: namespace, `-A`, `-l`, `--field-selector`, `-f`. */
export interface FetchOptions {
  allNamespaces: boolean;
  labelSelector: string;
  fieldSelector: string;
  filenames: string[];
  recursive: boolean;
  ignoreNotFound: boolean;
}

/** Resolves the arguments (or `-f` files) and reads the objects. Throws for builder errors. */
export function fetchObjects(inv: Invocation, opts: FetchOptions): Fetched {
  const labels = opts.labelSelector ? parseLabelSelector(opts.labelSelector) : undefined;
  if (opts.filenames.length > 0) {
    if (inv.args.length > 0) throw new KubectlError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
    return fetchFromFiles(inv, opts);
  }
  const requests = parseResourceArgs(inv.args);
  // Builder.visitorResult, visitByResource and visitByName, in their order.
  const tuples = inv.args.some((a) => a.includes('/'));
  const named = requests.some((r) => r.names.length > 0);
  if (tuples && labels) throw new KubectlError('selectors and the all flag cannot be used when passing resource/name arguments');
  if (named && labels) throw new KubectlError('name cannot be provided when a selector is specified');
  if (named && opts.allNamespaces && requests.some((r) => r.type.namespaced)) {
    throw new KubectlError('a resource cannot be retrieved by name across all namespaces');
  }
  const fields = opts.fieldSelector ? requests.map((r) => parseFieldSelector(opts.fieldSelector, r.type)) : [];
  const fetched: Fetched = { infos: [], errors: [], singleItemImplied: isSingleItem(inv.args, requests) };
  requests.forEach((req, i) => readRequest(inv, req, opts, labels, fields[i], fetched));
  return fetched;
}

function isSingleItem(args: readonly string[], requests: ResourceRequest[]): boolean {
  const named = requests.reduce((n, r) => n + r.names.length, 0);
  return named === 1 && requests.length === 1 && args.length >= 1;
}

function readRequest(inv: Invocation, req: ResourceRequest, opts: FetchOptions, labels: LabelPredicate | undefined, fields: FieldPredicate | undefined, out: Fetched): void {
  const { store } = inv.ctx.cluster;
  const ns = req.type.namespaced ? inv.namespace : undefined;
  if (req.names.length === 0) {
    const listNs = req.type.namespaced && !opts.allNamespaces ? inv.namespace : undefined;
    // Read-only views: get only reads what it prints (a copy of 10,000 pods costs more than the printing).
    let objects = [...store.view(req.type.kind, listNs)];
    if (labels) objects = objects.filter((o) => labels(o.metadata.labels ?? {}));
    if (fields) objects = objects.filter(fields);
    out.infos.push({ type: req.type, objects, isList: true });
    return;
  }
  for (const name of req.names) {
    const found = store.peek(req.type.kind, ns, name);
    if (found && (!fields || fields(found))) out.infos.push({ type: req.type, objects: [found], isList: false });
    else if (!opts.ignoreNotFound) out.errors.push(notFound(req.type, name));
  }
}

function fetchFromFiles(inv: Invocation, opts: FetchOptions): Fetched {
  const read = readManifests(inv.ctx, opts.filenames, {
    recursive: opts.recursive,
    validate: 'ignore',
    namespace: inv.namespace,
    enforceNamespace: inv.namespaceExplicit,
  });
  const fetched: Fetched = { infos: [], errors: [...read.errors], singleItemImplied: read.objects.length === 1 && read.errors.length === 0 };
  for (const m of read.objects) {
    const type = resourceForKind(m.type.kind);
    const ns = type.namespaced ? String(m.object.metadata.namespace ?? inv.namespace) : undefined;
    const name = String(m.object.metadata.name ?? '');
    const found = inv.ctx.cluster.store.peek(type.kind, ns, name);
    if (found) fetched.infos.push({ type, objects: [found], isList: false });
    else if (!opts.ignoreNotFound) fetched.errors.push(notFound(type, name));
  }
  return fetched;
}
