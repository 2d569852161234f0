/** PLACEHOLDER: `kubectl logs`, not built yet. */
import type { CommandDef } from '../command.js';
import { KubectlError } from '../errors.js';

/** kubectl logs. */
export const logsCommand: CommandDef = {
  name: 'logs',
  run: () => {
    throw new KubectlError('kubelab: kubectl logs is not built yet');
  },
};
