/** PLACEHOLDER: `kubectl describe`, not built yet. */
import type { CommandDef } from '../command.js';
import { KubectlError } from '../errors.js';

/** kubectl describe. */
export const describeCommand: CommandDef = {
  name: 'describe',
  run: () => {
    throw new KubectlError('kubelab: kubectl describe is not built yet');
  },
};
