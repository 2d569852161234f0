/**
 * `kubectl api-resources` (kubectl pkg/cmd/apiresources): kubelab's served kinds, sorted by
 * group then name as sortableResource does, in printers.GetNewTabWriter's layout (minwidth 6,
 * padding 3). `-o wide` adds VERBS and CATEGORIES, `-o name` prints `name.group`.
 */
import { RESOURCE_TYPES, apiVersionOf, type ResourceType } from '../../cluster/resources.js';
import { flagBool, flagList, flagString, type CommandDef, type Invocation } from '../command.js';
import { KubectlError } from '../errors.js';
import { tabulate } from '../printers/tabwriter.js';

function runApiResources(inv: Invocation): number {
  const output = flagString(inv, 'output');
  if (output !== '' && output !== 'wide' && output !== 'name') {
    throw new KubectlError(`--output ${output} is not available`);
  }
  const sortBy = flagString(inv, 'sort-by');
  if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') throw new KubectlError(`--sort-by accepts only name or kind`);
  const group = flagString(inv, 'api-group');
  const verbs = flagList(inv, 'verbs');
  const categories = flagList(inv, 'categories');
  let rows = RESOURCE_TYPES.filter((r) => (!inv.changed.has('api-group') || r.group === group) && verbs.every((v) => r.verbs.includes(v)) && categories.every((c) => r.categories.includes(c)));
  if (inv.changed.has('namespaced')) rows = rows.filter((r) => r.namespaced === flagBool(inv, 'namespaced'));
  const key = (r: ResourceType) => (sortBy === 'name' ? r.plural : sortBy === 'kind' ? r.kind : r.group);
  rows = [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0));
  if (output === 'name') {
    inv.ctx.stdout(rows.map((r) => `${r.plural}${r.group ? `.${r.group}` : ''}\n`).join(''));
    return 0;
  }
  const wide = output === 'wide';
  let text = '';
  if (!flagBool(inv, 'no-headers')) text += `NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND${wide ? '\tVERBS\tCATEGORIES' : ''}\n`;
  for (const r of rows) {
    text += `${r.plural}\t${r.shortNames.join(',')}\t${apiVersionOf(r)}\t${r.namespaced}\t${r.kind}`;
    if (wide) text += `\t${r.verbs.join(',')}\t${r.categories.join(',')}`;
    text += '\n';
  }
  inv.ctx.stdout(tabulate(text, 6, 3));
  return 0;
}

/** kubectl api-resources. */
export const apiResourcesCommand: CommandDef = {
  name: 'api-resources',
  flags: [
    { name: 'namespaced', type: 'bool', default: true },
    { name: 'api-group', type: 'string' },
    { name: 'verbs', type: 'stringSlice' },
    { name: 'categories', type: 'stringSlice' },
    { name: 'sort-by', type: 'string' },
    { name: 'no-headers', type: 'bool' },
    { name: 'cached', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  run: runApiResources,
};
