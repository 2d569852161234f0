/**
 * `kubectl rollout` (kubectl pkg/cmd/rollout): status, history, undo, restart, pause, resume
 * for Deployments. Without a subcommand it prints its help and exits 1, as
 * cmdutil.DefaultSubCommandRun does. The work is in src/kubectl/rollout/.
 */
import type { FlagSpec } from '../flags.js';
import { flagBool, flagList, flagString, type CommandDef, type Invocation } from '../command.js';
import { KubectlError, UsageError } from '../errors.js';
import { ROLLOUT_HELP } from '../rollout/help.js';
import { runRolloutHistory, runRolloutUndo } from '../rollout/history-undo.js';
import { runRolloutPatchVerb } from '../rollout/pause-resume-restart.js';
import { runRolloutStatus } from '../rollout/status-command.js';

const FILENAME_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
];

const PRINT_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'template', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool' },
];

/** Refuses what kubelab does not simulate for these subcommands yet (-f/-k, -o). */
function guard(inv: Invocation, run: (inv: Invocation) => number | Promise<number>): number | Promise<number> {
  if (flagList(inv, 'filename').length > 0 || flagString(inv, 'kustomize') !== '') {
    throw new KubectlError(`kubelab does not simulate "${inv.commandPath} -f" yet`);
  }
  const output = inv.flags.output === undefined ? '' : flagString(inv, 'output');
  if (output !== '' && output !== 'name') throw new KubectlError(`kubelab does not simulate "${inv.commandPath} -o ${output}" yet`);
  return run(inv);
}

const statusCommand: CommandDef = {
  name: 'status',
  flags: [
    ...FILENAME_FLAGS,
    { name: 'watch', short: 'w', type: 'bool', default: true },
    { name: 'revision', type: 'int' },
    { name: 'timeout', type: 'duration', default: 0 },
  ],
  run: (inv) => guard(inv, runRolloutStatus),
};

const historyCommand: CommandDef = {
  name: 'history',
  flags: [...FILENAME_FLAGS, ...PRINT_FLAGS, { name: 'revision', type: 'int' }],
  run: (inv) => guard(inv, runRolloutHistory),
};

const undoCommand: CommandDef = {
  name: 'undo',
  flags: [...FILENAME_FLAGS, ...PRINT_FLAGS, { name: 'to-revision', type: 'int' }, { name: 'dry-run', type: 'string', default: 'none' }],
  run: (inv) => guard(inv, runRolloutUndo),
};

const patchVerbFlags: FlagSpec[] = [...FILENAME_FLAGS, ...PRINT_FLAGS, { name: 'field-manager', type: 'string', default: 'kubectl-rollout' }];

const pauseCommand: CommandDef = { name: 'pause', flags: patchVerbFlags, run: (inv) => guard(inv, (i) => runRolloutPatchVerb(i, 'pause')) };
const resumeCommand: CommandDef = { name: 'resume', flags: patchVerbFlags, run: (inv) => guard(inv, (i) => runRolloutPatchVerb(i, 'resume')) };
const restartCommand: CommandDef = { name: 'restart', flags: patchVerbFlags, run: (inv) => guard(inv, (i) => runRolloutPatchVerb(i, 'restart')) };

/** kubectl rollout. */
export const rolloutCommand: CommandDef = {
  name: 'rollout',
  help: ROLLOUT_HELP,
  subcommands: [historyCommand, pauseCommand, restartCommand, resumeCommand, statusCommand, undoCommand],
  run: (inv) => {
    if (inv.args.length > 0) throw new UsageError(`unknown command "${inv.args.join(' ')}"`, 'kubectl rollout');
    inv.ctx.stdout(ROLLOUT_HELP);
    return flagBool(inv, 'help') ? 0 : 1;
  },
};
