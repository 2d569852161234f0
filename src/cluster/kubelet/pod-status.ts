/**
 * The pod status the kubelet writes (`pkg/kubelet/kubelet_pods.go generateAPIPodStatus`,
 * `status/generate.go`): phase, the five conditions in their stored order, container
 * statuses in the CRI's formats, qosClass. Pure functions of the kubelet's view of a pod.
 */
import type { Container, ContainerState, ContainerStatus, Pod, PodCondition, PodStatus } from '../types.js';

/** The kubelet's view of one container. */
export interface ContainerView {
  name: string;
  /** The spec image until pulled, then containerd's normalized name. */
  image: string;
  imageID: string;
  containerID?: string;
  state: ContainerState;
  lastState: ContainerState;
  ready: boolean;
  started: boolean;
  restartCount: number;
}

/** The conditions' order as the kubelet writes them. */
const CONDITION_ORDER = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

/** Sets one condition, keeping lastTransitionTime when the status did not change. */
export function setCondition(status: PodStatus, type: string, value: 'True' | 'False', now: string, reason?: string, message?: string): void {
  const conditions = status.conditions ?? [];
  const old = conditions.find((c) => c.type === type);
  const next: PodCondition = { type, status: value, lastProbeTime: null, lastTransitionTime: old && old.status === value ? old.lastTransitionTime : now };
  if (reason) next.reason = reason;
  if (message) next.message = message;
  const rest = conditions.filter((c) => c.type !== type);
  rest.push(next);
  status.conditions = rest.sort((a, b) => rank(a.type) - rank(b.type));
}

function rank(type: string): number {
  const i = CONDITION_ORDER.indexOf(type);
  return i < 0 ? CONDITION_ORDER.length : i;
}

/** Ready and ContainersReady from the containers' readiness (`status/generate.go`). */
export function setReadiness(status: PodStatus, views: ContainerView[], now: string, completed: boolean): void {
  const unready = views.filter((v) => !v.ready).map((v) => v.name);
  if (completed) {
    setCondition(status, 'Ready', 'False', now, 'PodCompleted');
    setCondition(status, 'ContainersReady', 'False', now, 'PodCompleted');
  } else if (unready.length === 0) {
    setCondition(status, 'Ready', 'True', now);
    setCondition(status, 'ContainersReady', 'True', now);
  } else {
    const message = `containers with unready status: [${unready.join(' ')}]`;
    setCondition(status, 'Ready', 'False', now, 'ContainersNotReady', message);
    setCondition(status, 'ContainersReady', 'False', now, 'ContainersNotReady', message);
  }
}

/** `status.containerStatuses[i]` for one view. */
export function containerStatus(view: ContainerView, spec: Container): ContainerStatus {
  const out: ContainerStatus = {
    ...(view.containerID ? { containerID: view.containerID } : {}),
    image: view.image,
    imageID: view.imageID,
    lastState: view.lastState,
    name: view.name,
    ready: view.ready,
    restartCount: view.restartCount,
    started: view.started,
    state: view.state,
  };
  if (spec.volumeMounts?.length) {
    out.volumeMounts = spec.volumeMounts.map((m) => ({ mountPath: m.mountPath, name: m.name, ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}) }));
  }
  return out;
}

/** The pod phase from its containers (`getPhase`): Pending until all started, then Running or terminal. */
export function podPhase(views: ContainerView[], restartPolicy: string): PodStatus['phase'] {
  const terminated = views.filter((v) => v.state.terminated);
  const running = views.filter((v) => v.state.running);
  if (terminated.length === views.length && views.length > 0) {
    if (restartPolicy === 'Always') return 'Running';
    const failed = terminated.some((v) => v.state.terminated!.exitCode !== 0);
    if (restartPolicy === 'OnFailure' && failed) return 'Running';
    return failed ? 'Failed' : 'Succeeded';
  }
  if (running.length + terminated.length === views.length && running.length > 0) return 'Running';
  if (views.some((v) => v.restartCount > 0)) return 'Running';
  return 'Pending';
}

/** `BestEffort`, `Burstable` or `Guaranteed` (`qos.GetPodQOS`). */
export function qosClass(pod: Pod): string {
  let any = false;
  let guaranteed = true;
  for (const c of pod.spec.containers) {
    const res = (c.resources ?? {}) as { requests?: Record<string, string>; limits?: Record<string, string> };
    const requests = res.requests ?? {};
    const limits = res.limits ?? {};
    if (Object.keys(requests).length || Object.keys(limits).length) any = true;
    for (const r of ['cpu', 'memory']) {
      if (!limits[r] || (requests[r] !== undefined && requests[r] !== limits[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
