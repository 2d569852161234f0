/**
 * `kubectl get -o custom-columns=<spec>` and `-o custom-columns-file=<file>` (kubectl
 * cmd/get/customcolumn.go): columns of jsonpath values under headers, laid out by the tabwriter
 * kubectl uses for tables (minwidth 6, padding 3). A cell joins its values with `,` (Go's
 * fmt.Sprint of each: `map[a:b]`, `[x y]`, `<nil>`), or says `<none>`.
 */
import { KubectlError } from '../errors.js';
import { tabulate } from '../printers/tabwriter.js';
import { goSprint } from './go-format.js';
import { findJsonPathResults, JsonPathExecError, JsonPathParseError, parseJsonPath } from './jsonpath.js';
import { isPrintedList } from './json.js';

/** One column: its header and its jsonpath template (already relaxed: `{.metadata.name}`). */
export interface CustomColumn {
  header: string;
  fieldSpec: string;
}

/** RelaxedJSONPathExpression: `metadata.name`, `.metadata.name`, `{metadata.name}` → `{.metadata.name}`. */
export function relaxedJsonPathExpression(pathExpression: string): string {
  if (pathExpression === '') return '';
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/s.exec(pathExpression);
  if (!m) throw new KubectlError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] ?? m[2]}}`;
}

/** NewCustomColumnsPrinterFromSpec: parses `NAME:.metadata.name,IMAGE:.spec.containers[*].image`. */
export function parseCustomColumnsSpec(spec: string): CustomColumn[] {
  if (spec === '') throw new KubectlError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new KubectlError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), fieldSpec: relaxedJsonPathExpression(part.slice(colon + 1)) };
  });
}

const MISSING_LINE = 'Expected format is one line of space separated headers, one line of space separated column specs.';

/** NewCustomColumnsPrinterFromTemplate: a file of a header line and a spec line, split on whitespace. */
export function parseCustomColumnsTemplate(text: string): CustomColumn[] {
  const lines = scanLines(text);
  if (lines.length < 1) throw new KubectlError(`invalid template, missing header line. ${MISSING_LINE}`);
  if (lines.length < 2) throw new KubectlError(`invalid template, missing spec line. ${MISSING_LINE}`);
  const words = (l: string) => l.split(/[\t\n\v\f\r \u0085\u00a0]+/).filter(Boolean);
  const headers = words(lines[0]);
  const specs = words(lines[1]);
  if (headers.length !== specs.length) {
    throw new KubectlError(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  }
  return headers.map((header, i) => ({ header, fieldSpec: relaxedJsonPathExpression(specs[i]) }));
}

/** The message kubectl prints when the custom-columns-file cannot be read. */
export function customColumnsFileError(file: string, cause: string): KubectlError {
  return new KubectlError(`error reading template ${file}, ${cause}\n`);
}

/** bufio.Scanner's lines: split at `\n`, one trailing `\r` dropped, no empty last line. */
function scanLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((l) => l.replace(/\r$/, ''));
}

/** The result of a printer that may fail part way: what was written, then the error. */
export interface PrintOutcome {
  output: string;
  error?: KubectlError;
}

/**
 * Prints the rows of one object, or of each item of a `printedList`, under a header row
 * (unless noHeaders). On a jsonpath failure the rows before it are still printed, as kubectl
 * flushes its tabwriter, and the error is returned.
 */
export function printCustomColumns(columns: readonly CustomColumn[], obj: unknown, opts: { noHeaders?: boolean } = {}): PrintOutcome {
  const lines: string[] = [];
  if (!opts.noHeaders) lines.push(columns.map((c) => c.header).join('\t'));
  const finish = (error?: KubectlError): PrintOutcome => ({ output: lines.length ? `${tabulate(`${lines.join('\n')}\n`, 6, 3)}` : '', error });
  let parsers;
  try {
    parsers = columns.map((c) => parseJsonPath(c.fieldSpec));
  } catch (e) {
    if (e instanceof JsonPathParseError) return finish(new KubectlError(e.message));
    throw e;
  }
  const items = isPrintedList(obj) ? obj.items : [obj];
  for (const item of items) {
    const cells: string[] = [];
    for (const parser of parsers) {
      let values;
      try {
        values = findJsonPathResults(parser, item, true);
      } catch (e) {
        if (e instanceof JsonPathExecError) return finish(new KubectlError(e.message));
        throw e;
      }
      const strings = values.length === 0 || values[0].length === 0 ? ['<none>'] : [];
      for (const group of values) for (const v of group) strings.push(escapeTerminal(goSprint(v)));
      cells.push(strings.join(','));
    }
    lines.push(cells.join('\t'));
  }
  return finish();
}

/** printers.EscapeTerminal: ESC shows as `^[`, CR as `\r`. */
function escapeTerminal(s: string): string {
  return s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}
