/** describe.go describePod: `kubectl describe pod`. */
import type { ContainerStatus, KubeEvent, Pod } from '../../cluster/types.js';
import { describeContainers, describeResources, podFieldResolver, type Resources } from './containers.js';
import { describeEvents } from './events.js';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline, rfc1123z, since, type Toleration } from './format.js';
import { describeTopologySpreadConstraints, describeVolumes } from './pod-template.js';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer.js';
import { parseQuantity } from './quantity.js';

/** Renders a pod with its events (undefined: `--show-events=false`) at virtual time `nowMs`. */
export function describePod(pod: Pod, events: readonly KubeEvent[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    const spec = pod.spec;
    const status = pod.status ?? {};
    w.write(LEVEL_0, `Name:\t${pod.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace}\n`);
    if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
    if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${String(spec.priorityClassName)}\n`);
    if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${String(spec.runtimeClassName)}\n`);
    if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
    w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    printLabelsMultiline(w, 'Labels', pod.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations);
    if (pod.metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(pod.metadata.deletionTimestamp, nowMs)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
    const seccomp = (spec.securityContext as { seccompProfile?: { type: string; localhostProfile?: string } } | undefined)?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`);
      if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
    describePodIPs(w, pod);
    const owner = (pod.metadata.ownerReferences ?? []).find((r) => r.controller);
    if (owner) w.write(LEVEL_0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${String(status.nominatedNodeName)}\n`);
    if (spec.resources) {
      w.write(LEVEL_0, 'Resources:\n');
      describeResources(w, spec.resources as Resources, LEVEL_1);
    }
    const resolve = podFieldResolver(pod);
    if (spec.initContainers && spec.initContainers.length > 0) {
      describeContainers(w, 'Init Containers', spec.initContainers, status.initContainerStatuses as ContainerStatus[] | undefined, resolve, '');
    }
    describeContainers(w, 'Containers', spec.containers, status.containerStatuses, resolve, '');
    describeReadinessGates(w, pod);
    if (status.conditions && status.conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
      for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(w, spec.volumes, '');
    w.write(LEVEL_0, `QoS Class:\t${status.qosClass || computeQosClass(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector as Record<string, string> | undefined);
    printTolerationsMultiline(w, 'Tolerations', spec.tolerations as Toleration[] | undefined);
    describeTopologySpreadConstraints(w, spec.topologySpreadConstraints as never, '');
    if (events) describeEvents(w, events, nowMs);
  });
}

function describePodIPs(w: PrefixWriter, pod: Pod): void {
  const ips = pod.status?.podIPs ?? [];
  if (ips.length === 0) {
    w.write(LEVEL_0, 'IPs:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'IPs:\n');
  for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
}

function describeReadinessGates(w: PrefixWriter, pod: Pod): void {
  const gates = (pod.spec.readinessGates as { conditionType: string }[] | undefined) ?? [];
  if (gates.length === 0) return;
  w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
  for (const g of gates) {
    const c = (pod.status?.conditions ?? []).find((x) => x.type === g.conditionType);
    w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
  }
}

/** qos.ComputePodQOS for pods whose status has no qosClass yet (cpu and memory only). */
function computeQosClass(pod: Pod): string {
  const containers = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const r = (c.resources ?? {}) as Resources;
    const limits = r.limits ?? {};
    const requests = { ...limits, ...(r.requests ?? {}) };
    for (const name of ['cpu', 'memory']) {
      const req = requests[name] !== undefined ? parseQuantity(requests[name])?.nanos : undefined;
      const lim = limits[name] !== undefined ? parseQuantity(limits[name])?.nanos : undefined;
      if ((req ?? 0n) !== 0n || (lim ?? 0n) !== 0n) any = true;
      if (lim === undefined || req !== lim) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
