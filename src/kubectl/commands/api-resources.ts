/** PLACEHOLDER: `kubectl api-resources`, not built yet. */
import type { CommandDef } from '../command.js';
import { KubectlError } from '../errors.js';

/** kubectl api-resources. */
export const apiResourcesCommand: CommandDef = {
  name: 'api-resources',
  run: () => {
    throw new KubectlError('kubelab: kubectl api-resources is not built yet');
  },
};
