/**
 * `kubectl version` (kubectl pkg/cmd/version): the client (upstream kubectl v1.32.4, not the
 * gcloud dispatcher build on the development machines, which says `v1.32.4-dispatcher`),
 * Kustomize v5.5.0, and the simulated server (v1.32.2, the version kubelab's nodes report).
 * Text, `-o json` (two-space indent, Go struct order) and `-o yaml` (sorted keys).
 */
import { flagBool, flagString, type CommandDef, type Invocation } from '../command.js';
import { KubectlError } from '../errors.js';
import { toGoYaml } from '../manifests/go-yaml-print.js';

/** version.Info of the simulated kubectl (kubernetes v1.32.4 release build). */
export const CLIENT_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4',
  gitCommit: '59526cd4867447956156ae3a602fcbac10a2c335',
  gitTreeState: 'clean',
  buildDate: '2025-04-22T16:03:51Z',
  goVersion: 'go1.23.8',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** version.Info of the simulated API server (kubernetes v1.32.2 release build). */
export const SERVER_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.2',
  gitCommit: '67a30c0adcf52bd3f56ff0893ce19966be12991f',
  gitTreeState: 'clean',
  buildDate: '2025-02-12T21:19:47Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};

const KUSTOMIZE_VERSION = 'v5.5.0';

function runVersion(inv: Invocation): number {
  const output = flagString(inv, 'output');
  if (output !== '' && output !== 'yaml' && output !== 'json') throw new KubectlError(`--output must be 'yaml' or 'json'`);
  const clientOnly = flagBool(inv, 'client');
  const info: Record<string, unknown> = { clientVersion: CLIENT_VERSION, kustomizeVersion: KUSTOMIZE_VERSION };
  if (!clientOnly) info.serverVersion = SERVER_VERSION;
  if (output === 'json') inv.ctx.stdout(`${JSON.stringify(info, null, 2)}\n`);
  else if (output === 'yaml') inv.ctx.stdout(toGoYaml(info));
  else {
    let text = `Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`;
    if (!clientOnly) text += `Server Version: ${SERVER_VERSION.gitVersion}\n`;
    inv.ctx.stdout(text);
  }
  return 0;
}

/** kubectl version. */
export const versionCommand: CommandDef = {
  name: 'version',
  flags: [
    { name: 'client', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  run: runVersion,
};
