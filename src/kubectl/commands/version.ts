/** PLACEHOLDER: `kubectl version`, not built yet. */
import type { CommandDef } from '../command.js';
import { KubectlError } from '../errors.js';

/** kubectl version. */
export const versionCommand: CommandDef = {
  name: 'version',
  run: () => {
    throw new KubectlError('kubelab: kubectl version is not built yet');
  },
};
