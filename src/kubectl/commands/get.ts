/**
 * `kubectl get` (kubectl pkg/cmd/get/get.go): Complete and Validate's checks with their
 * messages, then the human-readable path (server Tables through one tab writer, a blank line
 * between kinds, `No resources found`), the generic path (`-o yaml|json|name|jsonpath=|
 * custom-columns=`), or a watch bounded by the script's watch budget.
 */
import { tableFor } from '../../cluster/tables/index.js';
import { flagBool, flagList, flagString, type CommandDef, type Invocation } from '../command.js';
import { KubectlError, UsageError } from '../errors.js';
import { fetchObjects, type FetchOptions } from '../get/fetch.js';
import { parseOutputFormat, printGeneric, type OutputFormat } from '../get/generic.js';
import { HumanPrinter, type HumanOptions } from '../get/human.js';
import { sortInfos } from '../get/sort.js';
import { runWatch } from '../get/watch.js';
import { finalError } from '../manifests/write-support.js';
import { TabWriter } from '../printers/tabwriter.js';

/** kubectl get. */
export const getCommand: CommandDef = {
  name: 'get',
  flags: [
    { name: 'output', short: 'o', type: 'string' },
    { name: 'template', type: 'string' },
    { name: 'allow-missing-template-keys', type: 'bool', default: true },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'no-headers', type: 'bool' },
    { name: 'show-labels', type: 'bool' },
    { name: 'show-kind', type: 'bool' },
    { name: 'label-columns', short: 'L', type: 'stringSlice' },
    { name: 'sort-by', type: 'string' },
    { name: 'raw', type: 'string' },
    { name: 'watch', short: 'w', type: 'bool' },
    { name: 'watch-only', type: 'bool' },
    { name: 'output-watch-events', type: 'bool' },
    { name: 'chunk-size', type: 'int', default: 500 },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'field-selector', type: 'string' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'use-openapi-print-columns', type: 'bool' },
    { name: 'server-print', type: 'bool', default: true },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'subresource', type: 'string' },
  ],
  run: runGet,
};

const NO_TYPE = 'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n';

function runGet(inv: Invocation): number | Promise<number> {
  const { ctx } = inv;
  const output = flagString(inv, 'output');
  const watch = flagBool(inv, 'watch') || flagBool(inv, 'watch-only');
  const sortBy = flagString(inv, 'sort-by');
  if (flagString(inv, 'raw') !== '') throw new KubectlError('kubelab does not simulate "kubectl get --raw" yet');
  if (flagString(inv, 'kustomize') !== '') throw new KubectlError('kubelab does not simulate "kubectl get -k" yet');
  if (flagString(inv, 'subresource') !== '') throw new KubectlError('kubelab does not simulate "kubectl get --subresource" yet');
  if (watch) {
    if (sortBy !== '') ctx.stderr(`warning: --${flagBool(inv, 'watch') ? 'watch' : 'watch-only'} requested, --sort-by will be ignored for watch events received\n`);
  } else if (inv.args.length === 0 && flagList(inv, 'filename').length === 0) {
    ctx.stderr(NO_TYPE);
    throw new UsageError('Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).', 'kubectl get');
  }
  if (flagBool(inv, 'show-labels') && output !== '' && output !== 'wide') {
    throw new KubectlError(`--show-labels option cannot be used with ${output} printer`);
  }
  if (flagBool(inv, 'output-watch-events') && !watch) {
    throw new UsageError('--output-watch-events option can only be used with --watch or --watch-only', 'kubectl get');
  }
  const format = parseOutputFormat(output, flagString(inv, 'template'));
  const fetchOpts: FetchOptions = {
    allNamespaces: flagBool(inv, 'all-namespaces'),
    labelSelector: flagString(inv, 'selector'),
    fieldSelector: flagString(inv, 'field-selector'),
    filenames: flagList(inv, 'filename'),
    recursive: flagBool(inv, 'recursive'),
    ignoreNotFound: flagBool(inv, 'ignore-not-found'),
  };
  const human = humanOptions(inv, format);
  if (watch) return runWatch(inv, fetchOpts, format, human);
  const fetched = fetchObjects(inv, fetchOpts);
  if (format.kind !== 'human') return printGeneric(inv, fetched, format);
  return printHuman(inv, fetched, human, sortBy);
}

function humanOptions(inv: Invocation, format: OutputFormat): HumanOptions {
  return {
    wide: format.kind === 'human' && format.wide,
    noHeaders: flagBool(inv, 'no-headers'),
    withNamespace: flagBool(inv, 'all-namespaces'),
    withKind: flagBool(inv, 'show-kind'),
    showLabels: flagBool(inv, 'show-labels'),
    columnLabels: flagList(inv, 'label-columns'),
  };
}

function printHuman(inv: Invocation, fetched: ReturnType<typeof fetchObjects>, options: HumanOptions, sortBy: string): number {
  const { ctx } = inv;
  const errors: unknown[] = [...fetched.errors];
  const infos = sortBy === '' ? fetched.infos : sortInfos(fetched.infos, sortBy);
  const kinds = new Set(infos.map((i) => i.type.kind));
  const withKind = options.withKind || kinds.size > 1;
  let written = 0;
  let separatorReady = false;
  const w = new TabWriter((text) => {
    if (text === '') return;
    if (separatorReady) {
      ctx.stdout('\n');
      separatorReady = false;
    }
    written += text.length;
    ctx.stdout(text);
  });
  let printer: HumanPrinter | undefined;
  let lastKind: string | undefined;
  let allNamespaced = !options.withNamespace;
  const now = ctx.cluster.clock.now();
  for (const info of infos) {
    allNamespaced = allNamespaced && info.type.namespaced;
    if (!printer || info.type.kind !== lastKind) {
      w.flush();
      w.resetWidths();
      if (lastKind !== undefined && !options.noHeaders && written > 0) separatorReady = true;
      const withNamespace = options.withNamespace && info.type.namespaced;
      printer = new HumanPrinter({ ...options, withNamespace, withKind }, info.type);
      lastKind = info.type.kind;
    }
    printer.print(tableFor(info.type.kind, info.objects, now), w);
  }
  w.flush();
  if (written === 0 && !flagBool(inv, 'ignore-not-found') && errors.length === 0) {
    ctx.stderr(allNamespaced ? `No resources found in ${inv.namespace} namespace.\n` : 'No resources found\n');
  }
  const failed = finalError(errors);
  if (failed) throw failed;
  return 0;
}
