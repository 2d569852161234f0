/** PLACEHOLDER: `kubectl run`, not built yet. */
import type { CommandDef } from '../command.js';
import { KubectlError } from '../errors.js';

/** kubectl run. */
export const runCommand: CommandDef = {
  name: 'run',
  run: () => {
    throw new KubectlError('kubelab: kubectl run is not built yet');
  },
};
