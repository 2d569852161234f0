/** PLACEHOLDER: `kubectl delete`, not built yet. */
import type { CommandDef } from '../command.js';
import { KubectlError } from '../errors.js';

/** kubectl delete. */
export const deleteCommand: CommandDef = {
  name: 'delete',
  run: () => {
    throw new KubectlError('kubelab: kubectl delete is not built yet');
  },
};
