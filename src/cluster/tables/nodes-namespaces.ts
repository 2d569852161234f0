/**
 * Node and Namespace printers (printers.go `nodeColumnDefinitions`, `printNode`,
 * `findNodeRoles`, `getNodeInternalIP`/`getNodeExternalIP`, `printNamespace`).
 */
import type { Namespace, Node } from '../types.js';
import { AGE_COLUMN, NAME_COLUMN, column, translateTimestampSince, wideColumn } from './columns.js';
import type { TableCell, TableColumn } from './table.js';

const ADDRESSES_DOC =
  'List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses';

/** nodeColumnDefinitions. */
export const NODE_COLUMNS: TableColumn[] = [
  NAME_COLUMN,
  column('Status', 'string', 'The status of the node'),
  column('Roles', 'string', 'The roles of the node'),
  AGE_COLUMN,
  column('Version', 'string', 'Kubelet Version reported by the node.'),
  wideColumn('Internal-IP', 'string', ADDRESSES_DOC),
  wideColumn('External-IP', 'string', ADDRESSES_DOC),
  wideColumn('OS-Image', 'string', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).'),
  wideColumn('Kernel-Version', 'string', "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64)."),
  wideColumn('Container-Runtime', 'string', 'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).'),
];

/** The label prefix of node roles (`node-role.kubernetes.io/control-plane: ""`). */
const LABEL_NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
/** The older single-role label (`kubernetes.io/role: node`). */
const NODE_LABEL_ROLE = 'kubernetes.io/role';

interface NodeStatusView {
  conditions?: { type: string; status: string }[];
  addresses?: { type: string; address: string }[];
  nodeInfo?: { kubeletVersion?: string; osImage?: string; kernelVersion?: string; containerRuntimeVersion?: string };
}

/** findNodeRoles: sorted, unique roles from both label forms (`control-plane`; none → []). */
export function findNodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(LABEL_NODE_ROLE_PREFIX)) {
      const role = k.slice(LABEL_NODE_ROLE_PREFIX.length);
      if (role.length > 0) roles.add(role);
    } else if (k === NODE_LABEL_ROLE && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort();
}

/** The node STATUS: `Ready`/`NotReady` from the Ready condition (`Unknown` without one), then `SchedulingDisabled` when cordoned. */
export function nodeStatus(node: Node): string {
  const status = node.status as NodeStatusView;
  // A later condition of the same type replaces an earlier one (conditionMap in printNode).
  const byType = new Map((status.conditions ?? []).map((c) => [c.type, c]));
  const parts: string[] = [];
  const ready = byType.get('Ready');
  if (ready) parts.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (parts.length === 0) parts.push('Unknown');
  if (node.spec?.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

function nodeAddress(node: Node, type: string): string {
  return (node.status as NodeStatusView).addresses?.find((a) => a.type === type)?.address ?? '<none>';
}

/** printNode cells (wide ones included). */
export function nodeCells(node: Node, nowMs: number): TableCell[] {
  const info = (node.status as NodeStatusView).nodeInfo ?? {};
  return [
    node.metadata.name ?? '',
    nodeStatus(node),
    findNodeRoles(node).join(',') || '<none>',
    translateTimestampSince(node.metadata.creationTimestamp, nowMs),
    info.kubeletVersion ?? '',
    nodeAddress(node, 'InternalIP'),
    nodeAddress(node, 'ExternalIP'),
    info.osImage || '<unknown>',
    info.kernelVersion || '<unknown>',
    info.containerRuntimeVersion || '<unknown>',
  ];
}

/** namespaceColumnDefinitions. */
export const NAMESPACE_COLUMNS: TableColumn[] = [NAME_COLUMN, column('Status', 'string', 'The status of the namespace'), AGE_COLUMN];

/** printNamespace cells: name, phase (`Active`, `Terminating`), age. */
export function namespaceCells(ns: Namespace, nowMs: number): TableCell[] {
  return [ns.metadata.name ?? '', ns.status?.phase ?? '', translateTimestampSince(ns.metadata.creationTimestamp, nowMs)];
}
