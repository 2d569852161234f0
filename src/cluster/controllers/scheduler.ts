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

/** Runs the filters for one pod on one node; undefined means the node fits. */
function filterNode(pod: Pod, node: Node, podsOnNode: number): FilterFailure | undefined {
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
  const maxPods = Number((node.status?.allocatable as Record<string, string> | undefined)?.pods ?? MAX_PODS_PER_NODE);
  if (podsOnNode + 1 > maxPods) return { reason: 'Too many pods', resolvable: true };
  return undefined;
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

  ctx.store.watch((e: WatchEvent) => {
    if (e.object.kind === 'Pod') observe(e.object as Pod, e.type === 'DELETED');
    else if (e.object.kind === 'Node') {
      for (const k of unschedulable) active.add(k);
      unschedulable.clear();
    }
  }, { readOnly: true });

  const scheduleOne = (key: string, failedShapes: Map<string, string>): boolean => {
    const [ns, name] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
    const pod = ctx.store.peek<Pod>('Pod', ns, name);
    if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp) return false;
    if ((pod.spec.schedulerName ?? 'default-scheduler') !== 'default-scheduler') return false;
    const shape = JSON.stringify([pod.spec.tolerations ?? [], pod.spec.nodeSelector ?? {}]);
    if (failedShapes.has(shape)) {
      unschedulable.add(key);
      return false;
    }
    const nodes = ctx.store.view<Node>('Node');
    const failures: FilterFailure[] = [];
    let best: Node | undefined;
    for (const node of nodes) {
      const n = perNode.get(node.metadata.name!) ?? 0;
      const failure = filterNode(pod, node, n);
      if (failure) failures.push(failure);
      else if (!best || n < (perNode.get(best.metadata.name!) ?? 0)) best = node;
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
      ctx.store.update(fresh);
      ctx.events.record(fresh, 'Warning', 'FailedScheduling', message, 'default-scheduler');
      return true;
    }
    const nodeName = best.metadata.name!;
    fresh.spec.nodeName = nodeName;
    fresh.status = { phase: 'Pending', ...fresh.status, conditions: [...others, { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now }] };
    const stored = ctx.store.update(fresh);
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
