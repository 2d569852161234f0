/** PLACEHOLDER: `kubectl apply`, not built yet. */
import type { CommandDef } from '../command.js';
import { KubectlError } from '../errors.js';

/** kubectl apply. */
export const applyCommand: CommandDef = {
  name: 'apply',
  run: () => {
    throw new KubectlError('kubelab: kubectl apply is not built yet');
  },
};
