/**
 * Resource arguments as cli-runtime's resource Builder reads them: `TYPE`, `TYPE NAME...`,
 * `TYPE1,TYPE2`, `TYPE/NAME...`, and `all`. Types resolve through kubelab's discovery
 * (plural, singular, short name, Kind, group-qualified).
 */
import { RESOURCE_TYPES, resolveResource, type ResourceType } from '../cluster/resources.js';
import { KubectlError } from './errors.js';

/** One requested type with the names asked for (empty: every object of the type). */
export interface ResourceRequest {
  type: ResourceType;
  names: string[];
}

/** Resolves one typed name; throws kubectl's message for unknown types. */
export function resolveType(typed: string): ResourceType {
  const r = resolveResource(typed);
  if (!r) throw new KubectlError(`the server doesn't have a resource type "${typed}"`);
  return r;
}

/** The types `all` expands to (category `all`), in kubectl's order for `get all`. */
export function allCategoryTypes(): ResourceType[] {
  const order = ['Pod', 'Service', 'Deployment', 'ReplicaSet'];
  return order.map((k) => RESOURCE_TYPES.find((r) => r.kind === k)!);
}

/**
 * Splits positional arguments into requests, in the order given.
 * `get deploy,svc x` asks for x of both types; `get deploy/x svc/y` for two named objects.
 */
export function parseResourceArgs(args: readonly string[]): ResourceRequest[] {
  if (args.length === 0) return [];
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      throw new KubectlError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    const out: ResourceRequest[] = [];
    for (const a of args) {
      const parts = a.split('/');
      // builder.go splitResourceTypeName
      if (parts.length !== 2) throw new KubectlError('arguments in resource/name form may not have more than one slash');
      if (parts[0] === '' || parts[1] === '' || new Set(parts[0].split(',')).size !== 1) {
        throw new KubectlError('arguments in resource/name form must have a single resource and name');
      }
      const type = resolveType(parts[0]);
      const last = out[out.length - 1];
      if (last && last.type === type) last.names.push(parts[1]);
      else out.push({ type, names: [parts[1]] });
    }
    return out;
  }
  const [typesArg, ...names] = args;
  const typeNames = typesArg.split(',');
  if (typeNames.some((t) => t === '')) throw new KubectlError(`the server doesn't have a resource type ""`);
  const types: ResourceType[] = [];
  for (const t of typeNames) {
    for (const r of t === 'all' ? allCategoryTypes() : [resolveType(t)]) {
      if (!types.includes(r)) types.push(r);
    }
  }
  return types.map((type) => ({ type, names: [...names] }));
}
