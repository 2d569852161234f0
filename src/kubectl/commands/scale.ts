/** PLACEHOLDER: `kubectl scale`, not built yet. */
import type { CommandDef } from '../command.js';
import { KubectlError } from '../errors.js';

/** kubectl scale. */
export const scaleCommand: CommandDef = {
  name: 'scale',
  run: () => {
    throw new KubectlError('kubelab: kubectl scale is not built yet');
  },
};
