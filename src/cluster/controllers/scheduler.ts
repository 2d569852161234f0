/**
 * The default scheduler (kube-scheduler, `pkg/scheduler`), reduced to what a 3-node kind
 * cluster needs: filters NodeUnschedulable, TaintToleration, NodeAffinity (nodeSelector only)
 * and NodeResourcesFit on the pod count (kubelet maxPods 110; BestEffort pods request nothing
 * else), then the feasible node with the fewest pods, ties by name. Binding writes
 * spec.nodeName and the PodScheduled condition; failures give a FailedScheduling event and a
 * PodScheduled=False condition with the scheduler's exact FitError text, preemption included.
 * Pods are queued from watch events (like the informer-fed scheduling queue); a capacity
 * change moves unschedulable pods back to the active queue.
 */
import type { WatchEvent } from '../store.js';
import type { Node, Pod } from '../types.js';
import type { Controller, ControllerContext } from './controller.js';

/** The kubelet's default `maxPods`: a node holds at most this many non-terminal pods. */
export const MAX_PODS_PER_NODE = 110;

interface Taint {
  key: string;
  value?: string;
  effect: string;
}
interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}

/** A filter failure: the reason text and whether preemption could resolve it. */
interface FilterFailure {
  reason: string;
  resolvable: boolean;
}

/** True if a toleration tolerates a taint (`v1.Toleration.ToleratesTaint`). */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.operator === 'Exists') return !t.key || t.key === taint.key;
  return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
}

/** The filters that read only the pod's tolerations and nodeSelector and the node (all but NodeResourcesFit); undefined means they pass. */
function staticFailure(pod: Pod, node: Node): FilterFailure | undefined {
  if (node.spec?.unschedulable) return { reason: 'node(s) were unschedulable', resolvable: false };
  const tolerations = (pod.spec.tolerations ?? []) as Toleration[];
  for (const taint of (node.spec?.taints ?? []) as Taint[]) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    if (!tolerations.some((t) => tolerates(t, taint))) {
      return { reason: `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`, resolvable: false };
    }
  }
  const selector = (pod.spec.nodeSelector ?? {}) as Record<string, string>;
  if (Object.entries(selector).some(([k, v]) => node.metadata.labels?.[k] !== v)) {
    return { reason: "node(s) didn't match Pod's node affinity/selector", resolvable: false };
  }
  return undefined;
}

/** NodeResourcesFit on the pod count: the node's allocatable pods (kubelet maxPods). */
function podCapacity(node: Node): number {
  return Number((node.status?.allocatable as Record<string, string> | undefined)?.pods ?? MAX_PODS_PER_NODE);
}

const TOO_MANY_PODS: FilterFailure = { reason: 'Too many pods', resolvable: true };

/** The static filter results of one pod shape on every node, in node order (valid until a Node changes). */
interface ShapeFit {
  nodes: readonly Node[];
  failures: (FilterFailure | undefined)[];
  capacity: number[];
}

/** `0/3 nodes are available: <histogram>. preemption: 0/3 nodes are available: <histogram>.` */
export function fitErrorMessage(failures: FilterFailure[]): string {
  const histogram = (reasons: string[]) => {
    const counts = new Map<string, number>();
    for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
    return [...counts].map(([r, n]) => `${n} ${r}`).sort().join(', ');
  };
  const n = failures.length;
  const filterMsg = histogram(failures.map((f) => f.reason));
  // DefaultPreemption: an unresolvable node is "not helpful"; on a resolvable one no pod of
  // lower priority exists (every pod has priority 0), so there is no victim.
  const preemptMsg = histogram(failures.map((f) => (f.resolvable ? 'No preemption victims found for incoming pod' : 'Preemption is not helpful for scheduling')));
  return `0/${n} nodes are available: ${filterMsg}. preemption: 0/${n} nodes are available: ${preemptMsg}.`;
}

/** Stored pods never change (a write stores a new object): each one's shape is computed once. */
const SHAPES = new WeakMap<Pod, string>();

/** What the static filters read of a pod (tolerations, nodeSelector), as one string; pods of one shape fit the same nodes. */
function shapeOf(pod: Pod): string {
  let shape = SHAPES.get(pod);
  if (shape === undefined) SHAPES.set(pod, (shape = JSON.stringify([pod.spec.tolerations ?? [], pod.spec.nodeSelector ?? {}])));
  return shape;
}

function podKey(p: Pod): string {
  return `${p.metadata.namespace}/${p.metadata.name}`;
}

function isTerminal(p: Pod): boolean {
  return p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
}

/** The scheduler. */
export function createScheduler(ctx: ControllerContext): Controller {
  const active = new Set<string>();
  const unschedulable = new Set<string>();
  /** Pods counted on each node (non-terminal, bound), by pod key. */
  const bound = new Map<string, string>();
  const perNode = new Map<string, number>();
  let primed = false;

  const count = (key: string, node: string | undefined) => {
    const was = bound.get(key);
    if (was === node) return;
    if (was !== undefined) {
      perNode.set(was, (perNode.get(was) ?? 1) - 1);
      bound.delete(key);
      // Capacity freed: unschedulable pods get another chance.
      for (const k of unschedulable) active.add(k);
      unschedulable.clear();
    }
    if (node !== undefined) {
      bound.set(key, node);
      perNode.set(node, (perNode.get(node) ?? 0) + 1);
    }
  };

  const observe = (p: Pod, deleted: boolean) => {
    const key = podKey(p);
    if (deleted) {
      active.delete(key);
      unschedulable.delete(key);
      count(key, undefined);
      return;
    }
    if (p.spec.nodeName) {
      active.delete(key);
      unschedulable.delete(key);
      count(key, isTerminal(p) ? undefined : p.spec.nodeName);
    } else if (!p.metadata.deletionTimestamp && !unschedulable.has(key)) {
      active.add(key);
    }
  };

  /** Per pod shape (tolerations and nodeSelector), the static filters' results: 10,000 pods on 100 nodes run them once per shape. */
  const fits = new Map<string, ShapeFit>();
  const fitOf = (shape: string, pod: Pod): ShapeFit => {
    let f = fits.get(shape);
    if (!f) {
      const nodes = ctx.store.view<Node>('Node');
      f = { nodes, failures: nodes.map((n) => staticFailure(pod, n)), capacity: nodes.map(podCapacity) };
      fits.set(shape, f);
    }
    return f;
  };

  ctx.store.watch((e: WatchEvent) => {
    if (e.object.kind === 'Pod') observe(e.object as Pod, e.type === 'DELETED');
    else if (e.object.kind === 'Node') {
      fits.clear();
      for (const k of unschedulable) active.add(k);
      unschedulable.clear();
    }
  }, { readOnly: true });

  const scheduleOne = (key: string, failedShapes: Map<string, string>): boolean => {
    const [ns, name] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
    const pod = ctx.store.peek<Pod>('Pod', ns, name);
    if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp) return false;
    if ((pod.spec.schedulerName ?? 'default-scheduler') !== 'default-scheduler') return false;
    const shape = shapeOf(pod);
    if (failedShapes.has(shape)) {
      unschedulable.add(key);
      return false;
    }
    const { nodes, failures: staticFailures, capacity } = fitOf(shape, pod);
    const failures: FilterFailure[] = [];
    let best: Node | undefined;
    let bestCount = 0;
    for (let i = 0; i < nodes.length; i++) {
      const n = perNode.get(nodes[i].metadata.name!) ?? 0;
      const failure = staticFailures[i] ?? (n + 1 > capacity[i] ? TOO_MANY_PODS : undefined);
      if (failure) failures.push(failure);
      else if (!best || n < bestCount) {
        best = nodes[i];
        bestCount = n;
      }
    }
    const now = ctx.clock.timestamp();
    const fresh = ctx.store.get<Pod>('Pod', ns, name);
    const others = (fresh.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    if (!best) {
      const message = nodes.length === 0 ? 'no nodes available to schedule pods' : fitErrorMessage(failures);
      failedShapes.set(shape, message);
      unschedulable.add(key);
      const old = fresh.status?.conditions?.find((c) => c.type === 'PodScheduled');
      fresh.status = { phase: 'Pending', ...fresh.status, conditions: [...others, { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: old?.status === 'False' ? old.lastTransitionTime : now, reason: 'Unschedulable', message }] };
      // The event names the pod as the scheduler read it (its resourceVersion before this write).
      const readVersion = fresh.metadata.resourceVersion;
      const stored = ctx.store.updateOwned(fresh);
      ctx.events.record({ ...stored, metadata: { ...stored.metadata, resourceVersion: readVersion } }, 'Warning', 'FailedScheduling', message, 'default-scheduler');
      return true;
    }
    const nodeName = best.metadata.name!;
    fresh.spec.nodeName = nodeName;
    fresh.status = { phase: 'Pending', ...fresh.status, conditions: [...others, { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now }] };
    const stored = ctx.store.updateOwned(fresh);
    count(key, nodeName);
    ctx.events.record(stored, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${name} to ${nodeName}`, 'default-scheduler');
    return true;
  };

  return {
    name: 'scheduler',
    sync(): boolean {
      if (!primed) {
        primed = true;
        for (const p of ctx.store.view<Pod>('Pod')) observe(p, false);
      }
      if (active.size === 0) return false;
      let wrote = false;
      const failedShapes = new Map<string, string>();
      const queue = [...active];
      active.clear();
      for (const key of queue) wrote = scheduleOne(key, failedShapes) || wrote;
      return wrote;
    },
  };
}
