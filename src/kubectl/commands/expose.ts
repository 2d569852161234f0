/** PLACEHOLDER: `kubectl expose`, not built yet. */
import type { CommandDef } from '../command.js';
import { KubectlError } from '../errors.js';

/** kubectl expose. */
export const exposeCommand: CommandDef = {
  name: 'expose',
  run: () => {
    throw new KubectlError('kubelab: kubectl expose is not built yet');
  },
};
