/**
 * The Pod printer (printers.go `podColumnDefinitions`, `printPod`, v1.32): READY, the STATUS
 * reason (init containers, waiting/terminated reasons, Completed-but-running, Terminating),
 * RESTARTS with `(5m ago)` and the wide columns IP, NODE, NOMINATED NODE, READINESS GATES.
 */
import type { Container, ContainerState, ContainerStatus, Pod, PodCondition } from '../types.js';
import { AGE_COLUMN, NAME_COLUMN, column, translateTimestampSince, wideColumn } from './columns.js';
import type { TableCell, TableColumn } from './table.js';

/** podColumnDefinitions (Restarts is a string since the `(… ago)` suffix). */
export const POD_COLUMNS: TableColumn[] = [
  NAME_COLUMN,
  column('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
  column('Status', 'string', 'The aggregate status of the containers in this pod.'),
  column('Restarts', 'string', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
  AGE_COLUMN,
  wideColumn('IP', 'string', 'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.'),
  wideColumn('Node', 'string', 'NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename'),
  wideColumn('Nominated Node', 'string', 'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.'),
  wideColumn('Readiness Gates', 'string', 'If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to "True" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates'),
];

/** The kubelet's reason for pods on an unreachable node (k8s.io/kubernetes/pkg/util/node). */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

type Terminated = NonNullable<ContainerState['terminated']> & { signal?: number };

/** podutil.IsRestartableInitContainer: a sidecar (`restartPolicy: Always` on an init container). */
function isRestartableInit(c: Container | undefined): boolean {
  return c?.restartPolicy === 'Always';
}

function finishedMs(state: ContainerState | undefined): number | undefined {
  const at = state?.terminated?.finishedAt;
  return at ? Date.parse(at) : undefined;
}

function conditionTrue(conditions: PodCondition[] | undefined, type: string): boolean {
  return (conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

/** One pod's cells in column order (the server always fills the wide ones). */
export function podCells(pod: Pod, nowMs: number): TableCell[] {
  const status = pod.status ?? {};
  const initSpecs = pod.spec.initContainers ?? [];
  const initStatuses = (status.initContainerStatuses as ContainerStatus[] | undefined) ?? [];
  let restarts = 0;
  let sidecarRestarts = 0;
  let totalContainers = pod.spec.containers.length;
  let readyContainers = 0;
  // Zero time in Go; `undefined` here. Later finish times win (metav1.Time.Before).
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;
  const later = (a: number | undefined, b: number | undefined) => (b !== undefined && (a === undefined || a < b) ? b : a);

  let reason: string = status.reason || status.phase || '';
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initByName = new Map(initSpecs.map((c) => [c.name, c]));
  for (const c of initSpecs) if (isRestartableInit(c)) totalContainers++;

  let initializing = false;
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    restarts += cs.restartCount;
    lastRestart = later(lastRestart, finishedMs(cs.lastState));
    const sidecar = isRestartableInit(initByName.get(cs.name));
    if (sidecar) {
      sidecarRestarts += cs.restartCount;
      lastSidecarRestart = later(lastSidecarRestart, finishedMs(cs.lastState));
    }
    const term = cs.state.terminated as Terminated | undefined;
    if (term && term.exitCode === 0) continue;
    if (sidecar && cs.started) {
      if (cs.ready) readyContainers++;
      continue;
    }
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
      else reason = `Init:${term.reason}`;
    } else if (cs.state.waiting?.reason && cs.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${cs.state.waiting.reason}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(status.conditions, 'Initialized')) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    // Last to first, so the first container's reason is the one left standing.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += cs.restartCount;
      lastRestart = later(lastRestart, finishedMs(cs.lastState));
      const term = cs.state.terminated as Terminated | undefined;
      if (cs.state.waiting?.reason) reason = cs.state.waiting.reason;
      else if (term && term.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (cs.ready && cs.state.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // A pod with one container Completed and another still running is Running (or NotReady).
    if (reason === 'Completed' && hasRunning) reason = conditionTrue(status.conditions, 'Ready') ? 'Running' : 'NotReady';
  }

  if (pod.metadata.deletionTimestamp && status.reason === NODE_UNREACHABLE_POD_REASON) reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating';

  let restartsCell = String(restarts);
  if (restarts !== 0 && lastRestart !== undefined) restartsCell = `${restarts} (${translateTimestampSince(new Date(lastRestart).toISOString(), nowMs)} ago)`;

  return [
    pod.metadata.name ?? '',
    `${readyContainers}/${totalContainers}`,
    reason,
    restartsCell,
    translateTimestampSince(pod.metadata.creationTimestamp, nowMs),
    podIP(pod) || '<none>',
    pod.spec.nodeName || '<none>',
    (status.nominatedNodeName as string | undefined) || '<none>',
    readinessGates(pod),
  ];
}

/** The internal PodIPs[0]: v1 `podIP` wins when set (Convert_v1_PodStatus_To_core_PodStatus). */
function podIP(pod: Pod): string {
  return pod.status?.podIP || pod.status?.podIPs?.[0]?.ip || '';
}

/** `true/total` over spec.readinessGates, `<none>` without gates. */
function readinessGates(pod: Pod): string {
  const gates = (pod.spec.readinessGates as { conditionType: string }[] | undefined) ?? [];
  if (gates.length === 0) return '<none>';
  let trueConditions = 0;
  for (const gate of gates) {
    const cond = (pod.status?.conditions ?? []).find((c) => c.type === gate.conditionType);
    if (cond?.status === 'True') trueConditions++;
  }
  return `${trueConditions}/${gates.length}`;
}
