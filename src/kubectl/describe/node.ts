/**
 * describe.go describeNode and describeNodeResource: roles, taints, lease, conditions,
 * addresses, capacity, system info, the non-terminated pods table and allocated resources.
 */
import type { KubeEvent, Node, Pod } from '../../cluster/types.js';
import type { Resources } from './containers.js';
import { describeEvents } from './events.js';
import { byteOrder, printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, rfc1123z, since, type Taint } from './format.js';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer.js';
import { formatQuantity, parseQuantity, sumQuantities, type Quantity } from './quantity.js';

/** The node's Lease (kube-node-lease), which kubelab does not store: see `simulatedLease`. */
export interface NodeLease {
  holderIdentity?: string;
  acquireTime?: string;
  renewTime?: string;
}

interface NodeStatus {
  conditions?: { type: string; status: string; lastHeartbeatTime?: string; lastTransitionTime?: string; reason?: string; message?: string }[];
  addresses?: { type: string; address: string }[];
  capacity?: Record<string, string>;
  allocatable?: Record<string, string>;
  nodeInfo?: Record<string, string>;
}

/** Renders a node with its non-terminated pods (all namespaces), lease and events. */
export function describeNode(node: Node, pods: readonly Pod[], lease: NodeLease | undefined, events: readonly KubeEvent[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    const status = node.status as NodeStatus;
    const spec = node.spec as Node['spec'] & { providerID?: string };
    w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
    const roles = findNodeRoles(node.metadata.labels ?? {});
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', node.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', spec.taints as Taint[] | undefined);
    w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`);
    w.write(LEVEL_0, 'Lease:\n');
    w.write(LEVEL_1, `HolderIdentity:\t${lease?.holderIdentity ?? '<unset>'}\n`);
    w.write(LEVEL_1, `AcquireTime:\t${lease?.acquireTime ? rfc1123z(lease.acquireTime) : '<unset>'}\n`);
    w.write(LEVEL_1, `RenewTime:\t${lease?.renewTime ? rfc1123z(lease.renewTime) : '<unset>'}\n`);
    const conditions = status.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    for (const [title, list] of [['Capacity', status.capacity], ['Allocatable', status.allocatable]] as const) {
      const names = Object.keys(list ?? {}).sort(byteOrder);
      if (names.length === 0) continue;
      w.write(LEVEL_0, `${title}:\n`);
      for (const n of names) w.write(LEVEL_0, `  ${n}:\t${formatQuantity(parseQuantity(list![n]) ?? { nanos: 0n, format: 'DecimalSI' })}\n`);
    }
    const info = status.nodeInfo ?? {};
    w.write(LEVEL_0, 'System Info:\n');
    const fields: [string, string][] = [
      ['Machine ID', 'machineID'],
      ['System UUID', 'systemUUID'],
      ['Boot ID', 'bootID'],
      ['Kernel Version', 'kernelVersion'],
      ['OS Image', 'osImage'],
      ['Operating System', 'operatingSystem'],
      ['Architecture', 'architecture'],
      ['Container Runtime Version', 'containerRuntimeVersion'],
      ['Kubelet Version', 'kubeletVersion'],
      ['Kube-Proxy Version', 'kubeProxyVersion'],
    ];
    for (const [label, key] of fields) w.write(LEVEL_0, `  ${label}:\t${info[key] ?? ''}\n`);
    if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
    if (spec.podCIDRs && spec.podCIDRs.length > 0) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
    if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
    describeNodeResource(w, pods, status, nowMs);
    if (events) describeEvents(w, events, nowMs);
  });
}

/** findNodeRoles: `node-role.kubernetes.io/<role>` keys and `kubernetes.io/role` values, sorted. */
function findNodeRoles(labels: Record<string, string>): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels)) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  return [...roles].sort(byteOrder);
}

type ResourceTotals = Map<string, Quantity>;

function describeNodeResource(w: PrefixWriter, pods: readonly Pod[], status: NodeStatus, nowMs: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const allocatable = status.allocatable && Object.keys(status.allocatable).length > 0 ? status.allocatable : (status.capacity ?? {});
  const alloc = (name: string) => parseQuantity(allocatable[name] ?? '0')?.nanos ?? 0n;
  const pct = (v: bigint, of: bigint) => (of === 0n ? (v === 0n ? 'NaN' : '+Inf') : String(Math.trunc((Number(v) / Number(of)) * 100)));
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod);
    const q = (m: ResourceTotals, n: string) => m.get(n) ?? { nanos: 0n, format: 'DecimalSI' as const };
    const cells = [
      [q(requests, 'cpu'), alloc('cpu')],
      [q(limits, 'cpu'), alloc('cpu')],
      [q(requests, 'memory'), alloc('memory')],
      [q(limits, 'memory'), alloc('memory')],
    ] as const;
    const text = cells.map(([v, of]) => `${formatQuantity(v)} (${pct(v.nanos, of)}%)`).join('\t');
    w.write(LEVEL_1, `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${text}\t${since(pod.metadata.creationTimestamp, nowMs)}\n`);
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const totals = pods.map(podRequestsAndLimits);
  const total = (which: 'requests' | 'limits', name: string) => sumQuantities(totals.map((t) => t[which].get(name)).filter((x): x is Quantity => !!x));
  const ratio = (v: Quantity, name: string) => (alloc(name) === 0n ? '0' : String(Math.trunc((Number(v.nanos) / Number(alloc(name))) * 100)));
  for (const name of ['cpu', 'memory', 'ephemeral-storage']) {
    const r = total('requests', name);
    const l = total('limits', name);
    w.write(LEVEL_1, `${name}\t${formatQuantity(r)} (${ratio(r, name)}%)\t${formatQuantity(l)} (${ratio(l, name)}%)\n`);
  }
  const names = Object.keys(allocatable).sort(byteOrder);
  for (const name of names.filter((n) => n.startsWith('hugepages-'))) {
    const r = total('requests', name);
    const l = total('limits', name);
    w.write(LEVEL_1, `${name}\t${formatQuantity(r)} (${ratio(r, name)}%)\t${formatQuantity(l)} (${ratio(l, name)}%)\n`);
  }
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods']);
  for (const name of names.filter((n) => !n.startsWith('hugepages-') && !standard.has(n) && !n.startsWith('requests.') && !n.startsWith('limits.'))) {
    w.write(LEVEL_1, `${name}\t${formatQuantity(total('requests', name))}\t${formatQuantity(total('limits', name))}\n`);
  }
}

/** resourcehelper.PodRequestsAndLimits: containers summed, init containers as a floor, plus overhead. */
function podRequestsAndLimits(pod: Pod): { requests: ResourceTotals; limits: ResourceTotals } {
  const out = { requests: new Map<string, Quantity>(), limits: new Map<string, Quantity>() };
  for (const which of ['requests', 'limits'] as const) {
    const m = out[which];
    for (const c of pod.spec.containers) {
      for (const [n, raw] of Object.entries(((c.resources ?? {}) as Resources)[which] ?? {})) {
        const q = parseQuantity(raw);
        if (q) m.set(n, m.has(n) ? sumQuantities([m.get(n)!, q]) : q);
      }
    }
    for (const c of pod.spec.initContainers ?? []) {
      for (const [n, raw] of Object.entries(((c.resources ?? {}) as Resources)[which] ?? {})) {
        const q = parseQuantity(raw);
        if (q && (!m.has(n) || q.nanos > m.get(n)!.nanos)) m.set(n, q);
      }
    }
    for (const [n, raw] of Object.entries((pod.spec.overhead as Record<string, string> | undefined) ?? {})) {
      const q = parseQuantity(raw);
      if (q && (which === 'requests' || m.has(n))) m.set(n, m.has(n) ? sumQuantities([m.get(n)!, q]) : q);
    }
  }
  return out;
}

/**
 * The Lease a kind node's kubelet keeps in kube-node-lease: held by the node, never
 * "acquired", renewed every 10 s since the node registered. kubelab stores no Leases.
 */
export function simulatedLease(node: Node, nowMs: number): NodeLease {
  const created = Date.parse(node.metadata.creationTimestamp ?? '');
  const renewed = created + Math.floor(Math.max(0, nowMs - created) / 10_000) * 10_000;
  return { holderIdentity: node.metadata.name, renewTime: new Date(renewed).toISOString() };
}
