/**
 * `meta.k8s.io/v1` Table, what the API server returns for `kubectl get` (Accept:
 * application/json;as=Table). kubelab's kubectl renders it with its tabwriter and
 * `kubelab serve` sends it to the real kubectl, so both print from the same cells.
 * Columns of priority 0 are always shown; priority 1 only with `-o wide`.
 */
import type { KubeObject } from '../types.js';

/** One column definition (metav1.TableColumnDefinition). */
export interface TableColumn {
  name: string;
  /** OpenAPI type: `string`, `integer`, `number`, `boolean`, `date`. */
  type: string;
  /** `name` for the NAME column, `date`, or empty. */
  format: string;
  description: string;
  priority: number;
}

/** A cell value as the server sends it: strings, numbers, booleans, or null. */
export type TableCell = string | number | boolean | null;

/** One row (metav1.TableRow); `object` is the full object (includeObject=Object). */
export interface TableRow {
  cells: TableCell[];
  object: KubeObject;
}

/** A Table (metav1.Table). */
export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion?: string };
  columnDefinitions: TableColumn[];
  rows: TableRow[];
}

/** Builds an empty Table with the given columns. */
export function newTable(columnDefinitions: TableColumn[], resourceVersion?: string): Table {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: resourceVersion === undefined ? {} : { resourceVersion },
    columnDefinitions,
    rows: [],
  };
}
