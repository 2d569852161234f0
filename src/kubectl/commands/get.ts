/** PLACEHOLDER: `kubectl get`, replaced by the printers work. */
import type { CommandDef } from '../command.js';
import { KubectlError } from '../errors.js';

/** kubectl get. */
export const getCommand: CommandDef = {
  name: 'get',
  run: () => {
    throw new KubectlError('kubelab: kubectl get is not built yet');
  },
};
