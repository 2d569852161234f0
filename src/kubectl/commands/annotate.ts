/** PLACEHOLDER: `kubectl annotate`, not built yet. */
import type { CommandDef } from '../command.js';
import { KubectlError } from '../errors.js';

/** kubectl annotate. */
export const annotateCommand: CommandDef = {
  name: 'annotate',
  run: () => {
    throw new KubectlError('kubelab: kubectl annotate is not built yet');
  },
};
