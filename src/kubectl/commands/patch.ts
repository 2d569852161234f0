/** PLACEHOLDER: `kubectl patch`, not built yet. */
import type { CommandDef } from '../command.js';
import { KubectlError } from '../errors.js';

/** kubectl patch. */
export const patchCommand: CommandDef = {
  name: 'patch',
  run: () => {
    throw new KubectlError('kubelab: kubectl patch is not built yet');
  },
};
