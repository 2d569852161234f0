/** PLACEHOLDER: `kubectl rollout`, not built yet. */
import type { CommandDef } from '../command.js';
import { KubectlError } from '../errors.js';

/** kubectl rollout. */
export const rolloutCommand: CommandDef = {
  name: 'rollout',
  run: () => {
    throw new KubectlError('kubelab: kubectl rollout is not built yet');
  },
};
