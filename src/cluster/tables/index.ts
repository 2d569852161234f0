/**
 * Server-side printing (`Accept: application/json;as=Table`): one printer per kind, a column
 * table and a pure row function (kubernetes `pkg/printers/internalversion/printers.go`), and
 * the apiserver's default convertor for anything else. The server generates every row with
 * `Wide: true`, so each Table carries the priority-1 columns too; kubectl drops them unless
 * `-o wide`.
 */
import type { ConfigMap, Deployment, Endpoints, EndpointSlice, KubeEvent, KubeObject, Namespace, Node, Pod, ReplicaSet, Service } from '../types.js';
import { DEFAULT_COLUMNS, defaultCells } from './default-table.js';
import { EVENT_COLUMNS, eventCells } from './events.js';
import { NAMESPACE_COLUMNS, NODE_COLUMNS, namespaceCells, nodeCells } from './nodes-namespaces.js';
import { POD_COLUMNS, podCells } from './pods.js';
import { CONFIGMAP_COLUMNS, ENDPOINTSLICE_COLUMNS, ENDPOINTS_COLUMNS, SERVICE_COLUMNS, configMapCells, endpointSliceCells, endpointsCells, serviceCells } from './services.js';
import { newTable, type Table, type TableCell, type TableColumn } from './table.js';
import { DEPLOYMENT_COLUMNS, REPLICASET_COLUMNS, deploymentCells, replicaSetCells } from './workloads.js';

export type { Table, TableCell, TableColumn, TableRow } from './table.js';

/** One kind's printer: its columns and the cells of one object. */
export interface Printer {
  columns: TableColumn[];
  cells: (obj: KubeObject, nowMs: number) => TableCell[];
}

/** The printers of the kinds kubelab models, by kind. */
export const PRINTERS: Readonly<Record<string, Printer>> = {
  Pod: { columns: POD_COLUMNS, cells: (o, now) => podCells(o as Pod, now) },
  Deployment: { columns: DEPLOYMENT_COLUMNS, cells: (o, now) => deploymentCells(o as Deployment, now) },
  ReplicaSet: { columns: REPLICASET_COLUMNS, cells: (o, now) => replicaSetCells(o as ReplicaSet, now) },
  Service: { columns: SERVICE_COLUMNS, cells: (o, now) => serviceCells(o as Service, now) },
  Endpoints: { columns: ENDPOINTS_COLUMNS, cells: (o, now) => endpointsCells(o as Endpoints, now) },
  EndpointSlice: { columns: ENDPOINTSLICE_COLUMNS, cells: (o, now) => endpointSliceCells(o as EndpointSlice, now) },
  ConfigMap: { columns: CONFIGMAP_COLUMNS, cells: (o, now) => configMapCells(o as ConfigMap, now) },
  Node: { columns: NODE_COLUMNS, cells: (o, now) => nodeCells(o as Node, now) },
  Namespace: { columns: NAMESPACE_COLUMNS, cells: (o, now) => namespaceCells(o as Namespace, now) },
  Event: { columns: EVENT_COLUMNS, cells: (o, now) => eventCells(o as KubeEvent, now) },
};

/** The default convertor, for kinds without a printer. */
const DEFAULT_PRINTER: Printer = { columns: DEFAULT_COLUMNS, cells: (o) => defaultCells(o) };

/**
 * The Table the API server returns for `objects` of `kind` at virtual time `nowMs`: all
 * columns (priority 0 and 1), one row per object in the given order, `object` the object itself.
 */
export function tableFor(kind: string, objects: KubeObject[], nowMs: number): Table {
  const printer = PRINTERS[kind] ?? DEFAULT_PRINTER;
  const table = newTable(printer.columns.map((c) => ({ ...c })));
  for (const obj of objects) table.rows.push({ cells: printer.cells(obj, nowMs), object: obj });
  return table;
}
