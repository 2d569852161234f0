/**
 * `kubectl label` (kubectl pkg/cmd/label): `kubectl label TYPE NAME k=v k2-`, with
 * --overwrite, -l, --all, --dry-run. See src/kubectl/rollout/metadata-verb.ts.
 */
import type { CommandDef } from '../command.js';
import { runMetadataVerb } from '../rollout/metadata-verb.js';

/** kubectl label. */
export const labelCommand: CommandDef = {
  name: 'label',
  flags: [
    { name: 'overwrite', type: 'bool' },
    { name: 'list', type: 'bool' },
    { name: 'local', type: 'bool' },
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'field-selector', type: 'string' },
    { name: 'resource-version', type: 'string' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'dry-run', type: 'string', default: 'none' },
    { name: 'field-manager', type: 'string', default: 'kubectl-label' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  run: (inv) => runMetadataVerb(inv, 'labels'),
};
