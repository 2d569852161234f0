/**
 * Every kubectl verb kubelab simulates, each in its own file, in kubectl's help order.
 */
import type { CommandDef } from '../command.js';
import { annotateCommand } from './annotate.js';
import { apiResourcesCommand } from './api-resources.js';
import { applyCommand } from './apply.js';
import { createCommand } from './create.js';
import { deleteCommand } from './delete.js';
import { describeCommand } from './describe.js';
import { execCommand } from './exec.js';
import { explainCommand } from './explain.js';
import { exposeCommand } from './expose.js';
import { getCommand } from './get.js';
import { labelCommand } from './label.js';
import { logsCommand } from './logs.js';
import { patchCommand } from './patch.js';
import { rolloutCommand } from './rollout.js';
import { runCommand } from './run.js';
import { scaleCommand } from './scale.js';
import { setCommand } from './set.js';
import { versionCommand } from './version.js';
import { waitCommand } from './wait.js';

/** The top-level commands. */
export const COMMANDS: CommandDef[] = [
  createCommand,
  exposeCommand,
  runCommand,
  setCommand,
  explainCommand,
  getCommand,
  deleteCommand,
  rolloutCommand,
  scaleCommand,
  describeCommand,
  logsCommand,
  execCommand,
  applyCommand,
  patchCommand,
  waitCommand,
  labelCommand,
  annotateCommand,
  apiResourcesCommand,
  versionCommand,
];
