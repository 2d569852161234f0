/**
 * kubectl's human-readable table printing (cli-runtime printers/tableprinter.go, as kubectl
 * v1.32 runs it from `get`): server Tables decorated with a NAMESPACE column (`-A`), a
 * `kind/` prefix on names (several kinds, or `--show-kind`), `-L` label columns and LABELS
 * (`--show-labels`); wide columns only with `-o wide`; headers once per kind; empty tables
 * print nothing.
 */
import type { ResourceType } from '../../cluster/resources.js';
import type { Table, TableCell, TableColumn } from '../../cluster/tables/table.js';
import type { TabWriter } from '../printers/tabwriter.js';

/** PrintOptions of the human-readable printer. */
export interface HumanOptions {
  wide: boolean;
  noHeaders: boolean;
  withNamespace: boolean;
  withKind: boolean;
  showLabels: boolean;
  columnLabels: string[];
}

/** `Deployment.apps` lower-cased, as printers' GroupKind.String(). */
export function kindPrefix(type: ResourceType): string {
  return (type.group ? `${type.kind}.${type.group}` : type.kind).toLowerCase();
}

/**
 * HumanReadablePrinter: remembers the columns it printed headers for, so a second table of
 * the same kind (`get pod a b`, watch events) adds rows under the same header.
 */
export class HumanPrinter {
  private lastColumns: TableColumn[] | undefined;
  private printedHeaders = false;

  constructor(
    private readonly options: HumanOptions,
    private readonly type: ResourceType | undefined,
  ) {}

  /** Prints one Table to the tab writer (not flushed). */
  print(table: Table, w: TabWriter, eventType?: string): void {
    let noHeaders = this.options.noHeaders;
    const same = this.lastColumns !== undefined && sameColumns(table.columnDefinitions, this.lastColumns);
    if (this.printedHeaders && (table.columnDefinitions.length === 0 || same)) noHeaders = true;
    let columns = table.columnDefinitions;
    if (columns.length === 0) columns = this.lastColumns ?? [];
    else if (!same) {
      this.lastColumns = columns;
      this.printedHeaders = false;
    }
    if (table.rows.length > 0) this.printedHeaders = true;
    const decorated = decorate({ ...table, columnDefinitions: columns }, this.options, this.type);
    if (eventType !== undefined) {
      decorated.columns.unshift({ name: 'Event', type: 'string', format: '', description: '', priority: 0 });
      for (const r of decorated.rows) r.unshift(formatEventType(eventType));
    }
    w.write(printTable(decorated.columns, decorated.rows, this.options.wide, noHeaders));
  }
}

function sameColumns(a: TableColumn[], b: TableColumn[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function formatEventType(t: string): string {
  return ({ ADDED: 'ADDED   ', MODIFIED: 'MODIFIED', DELETED: 'DELETED ', ERROR: 'ERROR   ' } as Record<string, string>)[t] ?? t;
}

interface Decorated {
  columns: TableColumn[];
  rows: TableCell[][];
}

const plain = (name: string): TableColumn => ({ name, type: 'string', format: '', description: '', priority: 0 });

/** decorateTable: namespace, kind prefix, label columns. */
function decorate(table: Table, o: HumanOptions, type: ResourceType | undefined): Decorated {
  const columns = [...(o.withNamespace ? [plain('Namespace')] : []), ...table.columnDefinitions];
  for (const l of o.columnLabels) columns.push(plain(labelHeader(l)));
  if (o.showLabels) columns.push(plain('Labels'));
  const nameColumn = o.withKind && type ? table.columnDefinitions.findIndex((c) => c.format === 'name' && c.type === 'string') : -1;
  const rows = table.rows.map((row) => {
    const cells = [...row.cells];
    if (nameColumn !== -1) cells[nameColumn] = `${kindPrefix(type!)}/${String(cells[nameColumn])}`;
    const labels = row.object.metadata.labels ?? {};
    const out: TableCell[] = o.withNamespace ? [row.object.metadata.namespace ?? '', ...cells] : cells;
    for (const l of o.columnLabels) out.push(labels[l] ?? '');
    if (o.showLabels) out.push(formatLabels(labels));
    return out;
  });
  return { columns, rows };
}

function labelHeader(label: string): string {
  const parts = label.split('/');
  return parts[parts.length - 1].toUpperCase();
}

/** labels.FormatLabels: sorted `k=v` pairs joined by commas, `<none>` when empty. */
export function formatLabels(labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels[k]}`).join(',');
}

/** printTable: the header (unless there are no rows) and one line per row, tab separated. */
function printTable(columns: TableColumn[], rows: TableCell[][], wide: boolean, noHeaders: boolean): string {
  const visible = columns.map((c) => wide || c.priority === 0);
  let out = '';
  if (!noHeaders) {
    if (rows.length === 0) return '';
    out += `${columns.filter((_, i) => visible[i]).map((c) => c.name.toUpperCase()).join('\t')}\n`;
  }
  for (const row of rows) {
    const cells: string[] = [];
    row.forEach((cell, i) => {
      if (i >= columns.length || !visible[i]) return;
      cells.push(cellText(cell));
    });
    out += `${cells.join('\t')}\n`;
  }
  return out;
}

/** A cell as fmt.Sprint prints it, cut at the first line break (`...` marks the cut). */
function cellText(cell: TableCell): string {
  if (cell === null) return '';
  const s = String(cell);
  const cut = s.search(/[\f\n\r]/);
  return cut >= 0 ? `${s.slice(0, cut)}...` : s;
}
