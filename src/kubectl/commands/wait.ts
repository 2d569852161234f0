/** PLACEHOLDER: `kubectl wait`, not built yet. */
import type { CommandDef } from '../command.js';
import { KubectlError } from '../errors.js';

/** kubectl wait. */
export const waitCommand: CommandDef = {
  name: 'wait',
  run: () => {
    throw new KubectlError('kubelab: kubectl wait is not built yet');
  },
};
