/**
 * Helpers the Endpoints and EndpointSlice controllers share (`pkg/controller/util/endpoint`,
 * `pkg/api/v1/pod`): which pods belong in endpoints, readiness, targetPort resolution, and
 * the last-change-trigger-time tracker.
 */
import { formatTimestamp, parseTimestamp } from '../clock.js';
import type { Pod, Service, ServicePort } from '../types.js';

/** The annotation both controllers set. */
export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time';

/** `ShouldPodBeInEndpoints`: not terminal, has an IP, and not terminating unless asked to include it. */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  if (!pod.status?.podIP) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/** `podutil.IsPodReady`: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/**
 * `podutil.FindPort`: a numeric targetPort as is; a named one through the pod's container
 * ports (same name and protocol); undefined if the pod has no such port.
 */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const protocol = sp.protocol ?? 'TCP';
  for (const c of pod.spec.containers) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  }
  return undefined;
}

/** Byte-wise comparison, as Go compares IP strings when sorting endpoint addresses. */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `TriggerTimeTracker.ComputeEndpointLastChangeTriggerTime`: for a Service seen for the first
 * time, its creationTimestamp; later, the earliest Ready-transition time among pods whose
 * transition changed since the last sync (or the Service's, if it changed); none → no annotation.
 */
export class TriggerTimeTracker {
  private readonly states = new Map<string, { service: number; pods: Map<string, number> }>();

  /** Returns the annotation value, or undefined to clear it. */
  compute(key: string, svc: Service, pods: Pod[]): string | undefined {
    const state = this.states.get(key);
    let min = 0;
    const pods2 = new Map<string, number>();
    for (const pod of pods) {
      const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
      if (!ready?.lastTransitionTime) continue;
      const t = parseTimestamp(ready.lastTransitionTime);
      pods2.set(pod.metadata.name!, t);
      if (t > (state?.pods.get(pod.metadata.name!) ?? 0) && (min === 0 || t < min)) min = t;
    }
    const serviceTime = parseTimestamp(svc.metadata.creationTimestamp!);
    if (serviceTime > (state?.service ?? 0) && (min === 0 || serviceTime < min)) min = serviceTime;
    this.states.set(key, { service: serviceTime, pods: pods2 });
    if (!state) return svc.metadata.creationTimestamp;
    return min === 0 ? undefined : formatTimestamp(min);
  }

  /** Forgets a deleted Service. */
  delete(key: string): void {
    this.states.delete(key);
  }
}
