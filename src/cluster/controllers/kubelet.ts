/**
 * The kubelets of all nodes as one controller: pods bound to a node get a pod worker
 * (src/cluster/kubelet/pod-worker.ts); pods marked for deletion are stopped gracefully and
 * removed; pods that leave the store release their IPs. Work is queued from watch events and
 * a first full scan, so one sync costs what changed, not the number of pods.
 */
import type { Pod } from '../types.js';
import { PodWorkers } from '../kubelet/pod-worker.js';
import type { Controller, ControllerContext } from './controller.js';

const kubelets = new WeakMap<ControllerContext, PodWorkers>();

/** The pod workers behind a cluster's kubelet controller (IP allocator, image caches). */
export function podWorkersOf(ctx: ControllerContext): PodWorkers | undefined {
  return kubelets.get(ctx);
}

/** The kubelet controller. */
export function createKubelet(ctx: ControllerContext): Controller {
  const workers = new PodWorkers(ctx);
  kubelets.set(ctx, workers);
  const dirty = new Set<string>();
  let primed = false;

  ctx.store.watch((e) => {
    if (e.object.kind !== 'Pod') return;
    const pod = e.object as Pod;
    if (e.type === 'DELETED') workers.forget(pod.metadata.uid!);
    else if (pod.spec.nodeName || pod.metadata.deletionTimestamp) dirty.add(`${pod.metadata.namespace}/${pod.metadata.name}`);
  }, { readOnly: true });

  return {
    name: 'kubelet',
    sync(): boolean {
      if (!primed) {
        primed = true;
        for (const p of ctx.store.view<Pod>('Pod')) dirty.add(`${p.metadata.namespace}/${p.metadata.name}`);
      }
      if (dirty.size === 0) return false;
      const before = ctx.store.resourceVersion();
      const keys = [...dirty];
      dirty.clear();
      for (const key of keys) {
        const slash = key.indexOf('/');
        const pod = ctx.store.peek<Pod>('Pod', key.slice(0, slash), key.slice(slash + 1));
        if (!pod) continue;
        const uid = pod.metadata.uid!;
        if (pod.metadata.deletionTimestamp) {
          // Never started here (unbound, or bound but not yet seen): nothing to stop.
          if (!pod.spec.nodeName || !workers.has(uid) || (pod.metadata.deletionGracePeriodSeconds ?? 1) === 0) {
            workers.forget(uid);
            ctx.api.remove('Pod', pod.metadata.namespace, pod.metadata.name!);
          } else workers.stop(ctx.store.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name!));
        } else if (pod.spec.nodeName && !workers.has(uid)) {
          workers.begin(ctx.store.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name!));
        }
      }
      return ctx.store.resourceVersion() !== before;
    },
  };
}
