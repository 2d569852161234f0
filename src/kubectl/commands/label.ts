/** PLACEHOLDER: `kubectl label`, not built yet. */
import type { CommandDef } from '../command.js';
import { KubectlError } from '../errors.js';

/** kubectl label. */
export const labelCommand: CommandDef = {
  name: 'label',
  run: () => {
    throw new KubectlError('kubelab: kubectl label is not built yet');
  },
};
