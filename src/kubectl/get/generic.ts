/**
 * kubectl get's non-table printing (GetOptions.printGeneric and get's PrintFlags): one object
 * prints as itself when exactly one was asked for, anything else as a `v1 List`; formats are
 * yaml, json, name, jsonpath (and -as-json, -file), custom-columns (and -file).
 */
import type { Invocation } from '../command.js';
import { KubectlError } from '../errors.js';
import { finalError } from '../manifests/write-support.js';
import { printedList } from '../output/json.js';
import type { Fetched } from './fetch.js';
import { objectPrinter } from './object-printer.js';

/** The output format get was asked for. */
export type OutputFormat =
  | { kind: 'human'; wide: boolean }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string; asJson: boolean }
  | { kind: 'custom-columns'; spec: string; file: boolean };

const ALLOWED =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** The `-o` format names get accepts (Tab completion proposes them). */
export const OUTPUT_FORMAT_NAMES: readonly string[] = ALLOWED.split(',');

/** Parses `-o` (and `--template`) as get's PrintFlags.ToPrinter does. */
export function parseOutputFormat(output: string, template: string): OutputFormat {
  const eq = output.indexOf('=');
  const name = eq >= 0 ? output.slice(0, eq) : output;
  const arg = eq >= 0 ? output.slice(eq + 1) : template;
  switch (name) {
    case '':
      if (template !== '') return { kind: 'jsonpath', template, asJson: false };
      return { kind: 'human', wide: false };
    case 'wide':
      return { kind: 'human', wide: true };
    case 'yaml':
    case 'json':
    case 'name':
      return { kind: name };
    case 'jsonpath':
    case 'jsonpath-as-json':
      if (arg === '') throw new KubectlError('template format specified but no template given');
      return { kind: 'jsonpath', template: arg, asJson: name === 'jsonpath-as-json' };
    case 'custom-columns':
      if (arg === '') throw new KubectlError('custom-columns format specified but no custom columns given');
      return { kind: 'custom-columns', spec: arg, file: false };
    case 'go-template':
    case 'go-template-file':
    case 'template':
    case 'templatefile':
      throw new KubectlError(`kubelab does not simulate "-o ${name}" (Go templates) yet; -o jsonpath=... prints the same fields`);
    case 'jsonpath-file':
    case 'custom-columns-file':
      throw new KubectlError(`kubelab does not simulate "-o ${name}" yet`);
    default:
      throw new KubectlError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED}`);
  }
}

/** printGeneric: one object, or every object in one List, through the format's printer. */
export function printGeneric(inv: Invocation, fetched: Fetched, format: Exclude<OutputFormat, { kind: 'human' }>): number {
  const { ctx } = inv;
  if (fetched.singleItemImplied && fetched.errors.length > 0) throw finalError(fetched.errors)!;
  const objects = fetched.infos.flatMap((i) => i.objects);
  if (objects.length === 0 && inv.flags['ignore-not-found'] === true) {
    // kubectl prints nothing at all here, not even an empty List.
    const failed = finalError(fetched.errors);
    if (failed) throw failed;
    return 0;
  }
  const print = objectPrinter(format, inv);
  ctx.stdout(fetched.singleItemImplied && objects.length === 1 ? print(objects[0]) : print(printedList(objects)));
  const failed = finalError(fetched.errors);
  if (failed) throw failed;
  return 0;
}
