/**
 * The API server's fallback for kinds without a printer (apiserver `pkg/registry/rest/table.go`
 * `defaultTableConvertor`): a `Name` column and a `Created At` column of type `date` whose cell
 * is the creation time in RFC3339 UTC (`2025-08-19T09:00:00Z`), not an age. kubectl prints the
 * cell as sent, under `CREATED AT`.
 */
import type { KubeObject } from '../types.js';
import { CREATION_TIMESTAMP_DOC, NAME_COLUMN, column } from './columns.js';
import type { TableCell, TableColumn } from './table.js';

/** The default convertor's columns. */
export const DEFAULT_COLUMNS: TableColumn[] = [NAME_COLUMN, column('Created At', 'date', CREATION_TIMESTAMP_DOC)];

/**
 * Go's `Time.UTC().Format(time.RFC3339)`: seconds precision, `Z`. A missing timestamp is Go's
 * zero time, `0001-01-01T00:00:00Z`.
 */
export function formatRFC3339(timestamp: string | undefined): string {
  if (!timestamp) return '0001-01-01T00:00:00Z';
  return new Date(Date.parse(timestamp)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The default convertor's cells: name and creation time. */
export function defaultCells(obj: KubeObject): TableCell[] {
  return [obj.metadata.name ?? '', formatRFC3339(obj.metadata.creationTimestamp)];
}
