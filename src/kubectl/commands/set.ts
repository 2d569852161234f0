/** PLACEHOLDER: `kubectl set`, not built yet. */
import type { CommandDef } from '../command.js';
import { KubectlError } from '../errors.js';

/** kubectl set. */
export const setCommand: CommandDef = {
  name: 'set',
  run: () => {
    throw new KubectlError('kubelab: kubectl set is not built yet');
  },
};
