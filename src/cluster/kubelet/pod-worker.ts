/**
 * The kubelet's pod workers (`pkg/kubelet/pod_workers.go`, `kuberuntime_manager.go`): each pod
 * bound to a node walks the stage table on the virtual clock: sandbox and IP, then per
 * container pull (a per-node image cache; pulls serialized per node, as `serializeImagePulls`
 * does), create, start; readiness probes; exits and restarts; graceful termination ending in
 * the final delete. Status goes through the pod's status (the store, as the status
 * subresource would); events carry component `kubelet` and the node as host.
 */
import { parseTimestamp } from '../clock.js';
import { deepCopy } from '../store.js';
import type { ControllerContext } from '../controllers/controller.js';
import { Rng } from '../rng.js';
import type { ConfigMap, Container, Node, Pod } from '../types.js';
import { planProcess } from './commands.js';
import { effectivePullPolicy, lookupImage, parseImage, pullErrorMessage, type ImageTag } from './images.js';
import { PodIpAllocator } from './pod-ips.js';
import { containerStatus, podPhase, qosClass, setCondition, setReadiness, type ContainerView } from './pod-status.js';
import { runReadinessProbe } from './probes.js';
import { STAGES, backoffMs, drawDelay, drawPullMs, goDuration } from './stages.js';

/** One pod's worker state. */
interface Worker {
  uid: string;
  namespace: string;
  name: string;
  node: string;
  views: ContainerView[];
  timers: Set<number>;
  stopping: boolean;
  finished: boolean;
  mountFailures: number;
  pullFailures: Map<string, number>;
  probeFailures: Map<string, number>;
}

/** Runs every pod on every node. */
export class PodWorkers {
  readonly ips: PodIpAllocator;
  private readonly workers = new Map<string, Worker>();
  private readonly imageCache = new Map<string, Set<string>>();
  private readonly pullQueueFreeAt = new Map<string, number>();
  /** When each queued or running pull on a node completes, by node then image. */
  private readonly pullsDoneAt = new Map<string, Map<string, number>>();
  private readonly stageRng: Rng;
  private readonly idRng: Rng;

  constructor(private readonly ctx: ControllerContext) {
    this.ips = new PodIpAllocator(ctx.rng.fork('pod-ips'));
    this.stageRng = ctx.rng.fork('kubelet-stages');
    this.idRng = ctx.rng.fork('container-ids');
  }

  /** True if the kubelet already runs this pod. */
  has(uid: string): boolean {
    return this.workers.has(uid);
  }

  /** Images present on a node (normalized names), for `describe node` and tests. */
  imagesOn(node: string): string[] {
    return [...(this.imageCache.get(node) ?? [])].sort();
  }

  /** Ends a running container's main process (an attached shell exited); false if not running. */
  endMainProcess(uid: string, container: string, exitCode: number): boolean {
    const w = this.workers.get(uid);
    if (!w || w.stopping || w.finished) return false;
    const i = w.views.findIndex((v) => v.name === container);
    if (i < 0 || !w.views[i].state.running) return false;
    this.exited(w, i, exitCode);
    return true;
  }

  /** Starts a pod that was just bound: first status, then volumes and the sandbox. */
  begin(pod: Pod): void {
    const w: Worker = {
      uid: pod.metadata.uid!, namespace: pod.metadata.namespace!, name: pod.metadata.name!, node: pod.spec.nodeName!,
      views: pod.spec.containers.map((c) => ({ name: c.name, image: c.image ?? '', imageID: '', state: { waiting: { reason: 'ContainerCreating' } }, lastState: {}, ready: false, started: false, restartCount: 0 })),
      timers: new Set(), stopping: false, finished: false, mountFailures: 0, pullFailures: new Map(), probeFailures: new Map(),
    };
    this.workers.set(w.uid, w);
    const node = this.ctx.store.peek<Node>('Node', undefined, w.node);
    const hostIP = ((node?.status?.addresses ?? []) as { type: string; address: string }[]).find((a) => a.type === 'InternalIP')?.address;
    this.writeStatus(w, (st, now) => {
      if (hostIP) Object.assign(st, { hostIP, hostIPs: [{ ip: hostIP }] });
      st.startTime = now;
      st.qosClass = qosClass(pod);
      setCondition(st, 'PodReadyToStartContainers', 'False', now);
      setCondition(st, 'Initialized', 'True', now);
    });
    this.mountVolumes(w);
  }

  private mountVolumes(w: Worker): void {
    const pod = this.pod(w);
    if (!pod) return;
    for (const v of pod.spec.volumes ?? []) {
      if (!v.configMap || v.configMap.optional) continue;
      if (!this.ctx.store.peek<ConfigMap>('ConfigMap', w.namespace, v.configMap.name)) {
        this.event(w, 'Warning', 'FailedMount', `MountVolume.SetUp failed for volume "${v.name}" : configmap "${v.configMap.name}" not found`);
        // Volume manager retries with exponential back-off: 0.5 s doubling, capped at 2m2s.
        const delay = Math.min(500 * 2 ** w.mountFailures++, 122_000);
        this.after(w, delay, () => this.mountVolumes(w));
        return;
      }
    }
    this.after(w, drawDelay(this.stageRng, STAGES.sandbox), () => this.sandboxReady(w));
  }

  private sandboxReady(w: Worker): void {
    const node = this.ctx.store.peek<Node>('Node', undefined, w.node);
    const ip = this.ips.allocate(w.uid, w.node, node?.spec?.podCIDR ?? '10.244.0.0/24');
    if (!ip) {
      this.event(w, 'Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox: plugin type="ptp" failed (add): failed to allocate for range 0: no IP addresses available in range set: ${node?.spec?.podCIDR}`, false);
      this.after(w, 10_000, () => this.sandboxReady(w));
      return;
    }
    this.writeStatus(w, (st, now) => {
      Object.assign(st, { podIP: ip, podIPs: [{ ip }] });
      setCondition(st, 'PodReadyToStartContainers', 'True', now);
    });
    this.startContainer(w, 0);
  }

  private startContainer(w: Worker, i: number): void {
    const pod = this.pod(w);
    if (!pod || i >= pod.spec.containers.length) return;
    const c = pod.spec.containers[i];
    const ref = parseImage(c.image ?? '');
    const image = lookupImage(ref);
    const cache = this.cacheOf(w.node);
    const present = cache.has(ref.normalized);
    const policy = effectivePullPolicy(c.imagePullPolicy, ref);
    if (policy === 'Never' && !present) {
      const msg = `Container image "${c.image}" is not present with pull policy of Never`;
      this.event(w, 'Warning', 'ErrImageNeverPull', msg, c.name);
      this.setWaiting(w, i, 'ErrImageNeverPull', msg);
      return;
    }
    if (present && policy !== 'Always') {
      this.event(w, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`, c.name);
      this.after(w, drawDelay(this.stageRng, STAGES.create), () => this.created(w, i, image!));
      return;
    }
    this.event(w, 'Normal', 'Pulling', `Pulling image "${c.image}"`, c.name);
    const now = this.ctx.clock.now();
    const begins = Math.max(now, this.pullQueueFreeAt.get(w.node) ?? 0);
    // The serialized puller reaches this request at `begins`; if an earlier pull of the same
    // image has finished by then, containerd only checks the manifest.
    const done = this.pullsDoneAt.get(w.node) ?? new Map<string, number>();
    this.pullsDoneAt.set(w.node, done);
    const earlier = done.get(ref.normalized);
    const layersPresent = present || (earlier !== undefined && earlier <= begins);
    const pullMs = !image ? drawDelay(this.stageRng, STAGES.pullFailed) : layersPresent ? drawDelay(this.stageRng, STAGES.pullCached) : drawPullMs(this.stageRng, image.size);
    this.pullQueueFreeAt.set(w.node, begins + pullMs);
    if (image) done.set(ref.normalized, Math.min(earlier ?? Infinity, begins + pullMs));
    this.after(w, begins + pullMs - now, () => {
      if (!image) return this.pullFailed(w, i, c);
      cache.add(ref.normalized);
      w.pullFailures.delete(c.image ?? '');
      const total = this.ctx.clock.now() - now;
      this.event(w, 'Normal', 'Pulled', `Successfully pulled image "${c.image}" in ${goDuration(pullMs)} (${goDuration(total)} including waiting). Image size: ${image.size} bytes.`, c.name);
      this.after(w, drawDelay(this.stageRng, STAGES.create), () => this.created(w, i, image));
    });
  }

  private pullFailed(w: Worker, i: number, c: Container): void {
    const ref = parseImage(c.image ?? '');
    const error = pullErrorMessage(ref);
    this.event(w, 'Warning', 'Failed', `Failed to pull image "${c.image}": ${error}`, c.name);
    this.event(w, 'Warning', 'Failed', 'Error: ErrImagePull', c.name);
    this.setWaiting(w, i, 'ErrImagePull', error);
    const n = w.pullFailures.get(c.image ?? '') ?? 0;
    w.pullFailures.set(c.image ?? '', n + 1);
    const backoff = backoffMs(n);
    const resync = drawDelay(this.stageRng, STAGES.resync);
    this.after(w, resync, () => {
      const msg = `Back-off pulling image "${c.image}"`;
      this.event(w, 'Normal', 'BackOff', msg, c.name);
      this.event(w, 'Warning', 'Failed', 'Error: ImagePullBackOff', c.name);
      this.setWaiting(w, i, 'ImagePullBackOff', msg);
    });
    this.after(w, Math.max(backoff, resync + 1), () => this.startContainer(w, i));
  }

  private created(w: Worker, i: number, image: ImageTag): void {
    const v = w.views[i];
    v.containerID = `containerd://${this.idRng.hex(64)}`;
    this.event(w, 'Normal', 'Created', `Created container: ${v.name}`, v.name);
    this.after(w, drawDelay(this.stageRng, STAGES.start), () => this.started(w, i, image));
  }

  private started(w: Worker, i: number, image: ImageTag): void {
    const pod = this.pod(w);
    if (!pod) return;
    const c = pod.spec.containers[i];
    const ref = parseImage(c.image ?? '');
    const v = w.views[i];
    const startedAt = this.ctx.clock.timestamp();
    v.image = ref.normalized;
    v.imageID = `${ref.repository}@sha256:${new Rng('image-digest', ref.normalized).hex(64)}`;
    v.state = { running: { startedAt } };
    v.started = true;
    v.ready = !c.readinessProbe;
    this.event(w, 'Normal', 'Started', `Started container ${v.name}`, v.name);
    this.writeStatus(w);
    if (c.readinessProbe) this.scheduleProbe(w, i, (c.readinessProbe.initialDelaySeconds ?? 0) * 1000);
    const plan = planProcess(c, image);
    if (plan.exitAfterMs !== undefined) {
      const ms = plan.exitAfterMs === 0 ? drawDelay(this.stageRng, STAGES.quickExit) : plan.exitAfterMs;
      this.after(w, ms, () => this.exited(w, i, plan.exitCode));
    }
    if (i + 1 < pod.spec.containers.length && w.views[i + 1].restartCount === 0 && !w.views[i + 1].started) this.startContainer(w, i + 1);
  }

  private exited(w: Worker, i: number, exitCode: number): void {
    const pod = this.pod(w);
    if (!pod) return;
    const v = w.views[i];
    const startedAt = v.state.running?.startedAt;
    v.state = { terminated: { containerID: v.containerID, exitCode, finishedAt: this.ctx.clock.timestamp(), reason: exitCode === 0 ? 'Completed' : 'Error', startedAt } };
    v.ready = false;
    const policy = pod.spec.restartPolicy ?? 'Always';
    const restart = policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
    if (!restart) {
      if (w.views.every((x) => x.state.terminated)) return this.finish(w);
      this.writeStatus(w);
      return;
    }
    // CrashLoopBackOff: the first restart is immediate, then 10 s doubling to 5 min.
    const delay = v.restartCount === 0 ? 0 : backoffMs(v.restartCount - 1);
    if (delay > 0) {
      const msg = `back-off ${goDuration(delay).replace(/^(\d+m)0s$/, '$1')} restarting failed container=${v.name} pod=${w.name}_${w.namespace}(${w.uid})`;
      v.lastState = v.state;
      v.state = { waiting: { reason: 'CrashLoopBackOff', message: msg } };
      this.event(w, 'Warning', 'BackOff', `Back-off restarting failed container ${v.name} in pod ${w.name}_${w.namespace}(${w.uid})`, v.name);
    }
    this.writeStatus(w);
    this.after(w, delay, () => {
      v.lastState = v.state.terminated ? v.state : v.lastState;
      v.restartCount += 1;
      v.started = false;
      this.startContainer(w, i);
    });
  }

  /** All containers ended under restartPolicy Never/OnFailure: the pod is terminal; the sandbox goes. */
  private finish(w: Worker): void {
    w.finished = true;
    this.writeStatus(w, (st, now) => {
      setCondition(st, 'PodReadyToStartContainers', 'False', now);
      setReadiness(st, w.views, now, true);
    }, true);
    this.ips.release(w.uid);
  }

  private scheduleProbe(w: Worker, i: number, delayMs: number): void {
    this.after(w, delayMs, () => {
      const pod = this.pod(w);
      const v = w.views[i];
      if (!pod || !v.state.running) return;
      const probe = pod.spec.containers[i].readinessProbe!;
      const result = runReadinessProbe(this.ctx, pod, probe);
      const failures = result.ok ? 0 : (w.probeFailures.get(v.name) ?? 0) + 1;
      w.probeFailures.set(v.name, failures);
      if (!result.ok) this.event(w, 'Warning', 'Unhealthy', `Readiness probe failed: ${result.message}`, v.name);
      const ready = result.ok ? true : failures >= (probe.failureThreshold ?? 3) ? false : v.ready;
      if (ready !== v.ready) {
        v.ready = ready;
        this.writeStatus(w);
      }
      this.scheduleProbe(w, i, (probe.periodSeconds ?? 10) * 1000);
    });
  }

  /** Graceful termination: Killing events, SIGTERM, SIGKILL at the deadline, then the final delete. */
  stop(pod: Pod): void {
    const w = this.workers.get(pod.metadata.uid!);
    if (!w || w.stopping) return;
    w.stopping = true;
    this.cancelTimers(w);
    const now = this.ctx.clock.now();
    const grace = pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
    const deadline = pod.metadata.deletionTimestamp ? Math.min(parseTimestamp(pod.metadata.deletionTimestamp), now + grace * 1000) : now + grace * 1000;
    let doneAt = now + drawDelay(this.stageRng, STAGES.teardown);
    const exits: { i: number; at: number; code: number }[] = [];
    pod.spec.containers.forEach((c, i) => {
      if (!w.views[i].state.running) return;
      this.event(w, 'Normal', 'Killing', `Stopping container ${c.name}`, c.name);
      const image = lookupImage(parseImage(c.image ?? ''));
      const graceful = image?.behaviour.exitsOnSigterm === true && !c.stdin;
      const at = graceful ? now + drawDelay(this.stageRng, STAGES.stopNginx) : deadline;
      exits.push({ i, at: Math.min(at, deadline), code: graceful ? 0 : 137 });
      doneAt = Math.max(doneAt, Math.min(at, deadline));
    });
    doneAt = Math.min(doneAt, Math.max(deadline, now));
    this.after(w, doneAt - now, () => {
      for (const e of exits) {
        const v = w.views[e.i];
        v.state = { terminated: { containerID: v.containerID, exitCode: e.code, finishedAt: this.ctx.clock.timestamp(), reason: e.code === 0 ? 'Completed' : 'Error', startedAt: v.state.running?.startedAt } };
        v.ready = false;
      }
      if (!w.finished && exits.length > 0) {
        this.writeStatus(w, (st, ts) => {
          setCondition(st, 'PodReadyToStartContainers', 'False', ts);
          setReadiness(st, w.views, ts, false);
        }, true);
      }
      this.ips.release(w.uid);
      const current = this.pod(w);
      if (current) this.ctx.api.remove('Pod', w.namespace, w.name);
    }, true);
  }

  /** Forgets a pod that left the store: timers cancelled, IP released. */
  forget(uid: string): void {
    const w = this.workers.get(uid);
    if (w) this.cancelTimers(w);
    this.workers.delete(uid);
    this.ips.release(uid);
  }

  private setWaiting(w: Worker, i: number, reason: string, message: string): void {
    w.views[i].state = { waiting: { reason, message } };
    this.writeStatus(w);
  }

  /** Writes the pod status from the worker's view; `terminal` lets the phase leave Running for Always pods. */
  private writeStatus(w: Worker, extra?: (st: NonNullable<Pod['status']>, now: string) => void, terminal = false): void {
    const stored = this.ctx.store.peek<Pod>('Pod', w.namespace, w.name);
    if (!stored || stored.metadata.uid !== w.uid) return;
    // The new version shares the stored spec (stored objects are never changed in place): a
    // status write copies the status, not the whole pod (100,000 of them in a 10,000-replica roll).
    const pod: Pod = { ...stored, metadata: { ...stored.metadata }, status: deepCopy(stored.status ?? {}) };
    const now = this.ctx.clock.timestamp();
    const st = pod.status!;
    const policy = terminal ? 'Never' : (pod.spec.restartPolicy ?? 'Always');
    st.phase = podPhase(w.views, policy);
    // The views' state objects are the worker's own: the stored pod gets copies of them.
    st.containerStatuses = deepCopy(w.views.map((v, i) => containerStatus(v, pod.spec.containers[i])));
    setReadiness(st, w.views, now, false);
    extra?.(st, now);
    this.ctx.store.updateOwned(pod);
  }

  private event(w: Worker, type: 'Normal' | 'Warning', reason: string, message: string, container?: string | false): void {
    const pod = this.ctx.store.peek<Pod>('Pod', w.namespace, w.name);
    if (!pod || pod.metadata.uid !== w.uid) return;
    this.ctx.events.record(pod, type, reason, message, 'kubelet', { host: w.node, ...(container ? { fieldPath: `spec.containers{${container}}` } : {}) });
  }

  private after(w: Worker, ms: number, fn: () => void, evenWhenStopping = false): void {
    const id = this.ctx.clock.setTimeout(() => {
      w.timers.delete(id);
      if (!this.workers.has(w.uid) || (w.stopping && !evenWhenStopping)) return;
      fn();
    }, ms, `kubelet ${w.namespace}/${w.name}`);
    w.timers.add(id);
  }

  private cancelTimers(w: Worker): void {
    for (const id of w.timers) this.ctx.clock.clearTimeout(id);
    w.timers.clear();
  }

  private pod(w: Worker): Pod | undefined {
    const pod = this.ctx.store.peek<Pod>('Pod', w.namespace, w.name);
    return pod && pod.metadata.uid === w.uid ? pod : undefined;
  }

  private cacheOf(node: string): Set<string> {
    let c = this.imageCache.get(node);
    if (!c) this.imageCache.set(node, (c = new Set()));
    return c;
  }
}
