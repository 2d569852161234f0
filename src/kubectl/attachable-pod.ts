/**
 * The pod a `POD` or `TYPE/NAME` argument stands for (kubectl polymorphichelpers
 * GetFirstPod): a pod by name, or the most active pod a Deployment or ReplicaSet selects,
 * ordered as podutils.ActivePods reversed: assigned, running, ready, ready the longest,
 * fewest restarts, oldest. Go sorts up to 12 pods by insertion sort, which keeps the API's
 * name order among equals; kubelab keeps that order for any number.
 */
import { notFound } from '../cluster/errors.js';
import { parseTimestamp } from '../cluster/clock.js';
import { selectorMatches } from '../cluster/selectors.js';
import type { Deployment, Pod, ReplicaSet } from '../cluster/types.js';
import type { Invocation } from './command.js';
import { KubectlError } from './errors.js';
import { resolveType } from './resource-args.js';

/** The chosen pod and how many pods the object selected (1 for a pod named directly). */
export interface PodChoice {
  pod: Pod;
  count: number;
}

/** Resolves the argument; `what` words the error for kinds without a selector (`attach to`, `get the logs from`). */
export function attachablePod(inv: Invocation, arg: string, what: string): PodChoice {
  const store = inv.ctx.cluster.store;
  const [typed, name] = arg.includes('/') ? arg.split('/', 2) : ['pod', arg];
  const type = resolveType(typed);
  const obj = store.find(type.kind, inv.namespace, name);
  if (!obj) throw notFound(type, name);
  if (type.kind === 'Pod') return { pod: obj as Pod, count: 1 };
  if (type.kind !== 'Deployment' && type.kind !== 'ReplicaSet') {
    throw new KubectlError(`cannot ${what} ${type.kind}: selector for ${type.kind} not implemented`);
  }
  const selector = (obj as Deployment | ReplicaSet).spec.selector;
  const pods = store.list<Pod>('Pod', inv.namespace).filter((p) => selectorMatches(selector, p.metadata.labels ?? {}));
  if (pods.length === 0) throw new KubectlError('timed out waiting for the condition');
  const sorted = pods.map((p, i) => ({ p, i })).sort((a, b) => moreActive(a.p, b.p) || a.i - b.i);
  return { pod: sorted[0].p, count: pods.length };
}

const PHASE: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function readyTime(p: Pod): number | undefined {
  const c = p.status?.conditions?.find((x) => x.type === 'Ready');
  return c?.status === 'True' && c.lastTransitionTime ? parseTimestamp(c.lastTransitionTime) : undefined;
}

function isReady(p: Pod): boolean {
  return p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True') ?? false;
}

function restarts(p: Pod): number {
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((s) => s.restartCount ?? 0));
}

/** Negative when `a` is more active than `b` (ActivePods.Less(b, a)). */
function moreActive(a: Pod, b: Pod): number {
  const assignedA = Boolean(a.spec.nodeName);
  const assignedB = Boolean(b.spec.nodeName);
  if (assignedA !== assignedB) return assignedA ? -1 : 1;
  const pa = PHASE[a.status?.phase ?? ''] ?? 0;
  const pb = PHASE[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pb - pa;
  if (isReady(a) !== isReady(b)) return isReady(a) ? -1 : 1;
  if (isReady(a) && isReady(b)) {
    const ta = readyTime(a);
    const tb = readyTime(b);
    if (ta !== tb) {
      if (ta === undefined) return 1;
      if (tb === undefined) return -1;
      return ta - tb;
    }
  }
  if (restarts(a) !== restarts(b)) return restarts(a) - restarts(b);
  const ca = parseTimestamp(a.metadata.creationTimestamp ?? '') || Infinity;
  const cb = parseTimestamp(b.metadata.creationTimestamp ?? '') || Infinity;
  return ca === cb ? 0 : ca < cb ? -1 : 1;
}
