/** PLACEHOLDER: `kubectl explain`, not built yet. */
import type { CommandDef } from '../command.js';
import { KubectlError } from '../errors.js';

/** kubectl explain. */
export const explainCommand: CommandDef = {
  name: 'explain',
  run: () => {
    throw new KubectlError('kubelab: kubectl explain is not built yet');
  },
};
