/** PLACEHOLDER: `kubectl create`, not built yet. */
import type { CommandDef } from '../command.js';
import { KubectlError } from '../errors.js';

/** kubectl create. */
export const createCommand: CommandDef = {
  name: 'create',
  run: () => {
    throw new KubectlError('kubelab: kubectl create is not built yet');
  },
};
