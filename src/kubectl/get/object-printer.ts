/**
 * The printers `kubectl get -o` builds (cli-runtime PrintFlags.ToPrinter), over kubelab's
 * output module: each returns the text for one object (a single object or a v1 List). A
 * printer keeps state across calls as kubectl's do: the YAML printer writes `---` before every
 * object after the first (watch); custom columns print their header once.
 */
import type { KubeObject } from '../../cluster/types.js';
import type { Invocation } from '../command.js';
import { parseCustomColumnsSpec } from '../output/custom-columns.js';
import { printCustomColumns } from '../output/custom-columns.js';
import { printJson } from '../output/json.js';
import { printJsonPath } from '../output/jsonpath.js';
import { printNames } from '../output/name.js';
import { toGoYaml } from '../manifests/go-yaml-print.js';
import type { OutputFormat } from './generic.js';

/** Prints one object (or a printedList) and returns the text; throws kubectl's errors. */
export type ObjectPrint = (obj: KubeObject | Record<string, unknown>) => string;

/** Builds the printer for a non-table format. */
export function objectPrinter(format: Exclude<OutputFormat, { kind: 'human' }>, inv: Invocation): ObjectPrint {
  switch (format.kind) {
    case 'yaml': {
      let count = 0;
      return (obj) => `${++count > 1 ? '---\n' : ''}${toGoYaml(obj)}`;
    }
    case 'json':
      return (obj) => printJson(obj);
    case 'name':
      return (obj) => printNames(obj);
    case 'jsonpath':
      return (obj) => printJsonPath(format.template, obj, { asJson: format.asJson });
    case 'custom-columns': {
      const columns = parseCustomColumnsSpec(format.spec);
      let headers = inv.flags['no-headers'] !== true;
      return (obj) => {
        const outcome = printCustomColumns(columns, obj, { noHeaders: !headers });
        headers = false;
        if (outcome.error) {
          inv.ctx.stdout(outcome.output);
          throw outcome.error;
        }
        return outcome.output;
      };
    }
  }
}
