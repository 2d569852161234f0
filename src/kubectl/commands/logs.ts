/**
 * `kubectl logs POD|TYPE/NAME [-c CONTAINER]` (kubectl pkg/cmd/logs): the container's log as
 * kubelab models it (simply and deterministically): nginx images from 1.19 print the
 * docker-entrypoint start lines, older nginx and busybox print nothing at start; then one
 * access line per request it served (`log_format main`, written by the network model). A container that is not running answers the kubelet's
 * BadRequest `container "nginx" in pod "x" is waiting to start: ContainerCreating`.
 */
import type { Cluster } from '../../cluster/cluster.js';
import { ApiError } from '../../cluster/errors.js';
import { networkOf } from '../../cluster/network/index.js';
import type { Pod } from '../../cluster/types.js';
import { flagString, type CommandDef, type Invocation } from '../command.js';
import { KubectlError, UsageError } from '../errors.js';
import { attachablePod } from '../attachable-pod.js';

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

/** The start log of an image (kubelab's model). */
export function startLog(image: string): string {
  const m = /^(?:docker\.io\/)?(?:library\/)?nginx(?::(\d+)\.(\d+))?/.exec(image);
  if (!m) return '';
  const [maj, min] = m[1] ? [Number(m[1]), Number(m[2])] : [99, 0];
  if (maj < 1 || (maj === 1 && min < 19)) return '';
  return [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    '',
  ].join('\n');
}

function runLogs(inv: Invocation): number {
  if (inv.args.length === 0) throw new UsageError(USAGE, 'kubectl logs');
  const { pod, count } = attachablePod(inv, inv.args[0], 'get the logs from');
  if (count > 1) inv.ctx.stderr(`Found ${count} pods, using pod/${pod.metadata.name}\n`);
  let container = flagString(inv, 'container') || (inv.args[1] ?? '');
  const names = pod.spec.containers.map((c) => c.name);
  if (!container) {
    if (names.length !== 1) throw new KubectlError(`a container name must be specified for pod ${pod.metadata.name}, choose one of: [${names.join(' ')}]`);
    container = names[0];
  }
  inv.ctx.stdout(podLogText(inv.ctx.cluster, pod, container));
  return 0;
}

/**
 * What the kubelet serves at `pods/NAME/log?container=C` (kubelab's model): the start log,
 * then one access line per request. Throws the kubelet's BadRequest for an unknown or
 * not-yet-started container. `kubelab serve` answers the real kubectl with the same text.
 */
export function podLogText(cluster: Cluster, pod: Pod, container: string): string {
  const spec = pod.spec.containers.find((c) => c.name === container);
  if (!spec) throw new ApiError('BadRequest', 400, `container ${container} is not valid for pod ${pod.metadata.name}`);
  const status = pod.status?.containerStatuses?.find((s) => s.name === container);
  const waiting = status?.state.waiting;
  if (!status || (waiting && !status.lastState?.terminated)) {
    const reason = waiting?.reason ?? 'ContainerCreating';
    throw new ApiError('BadRequest', 400, `container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${reason}`);
  }
  return startLog(spec.image ?? '') + networkOf(cluster).containerLog(pod.metadata.uid ?? '', container).join('');
}

/** kubectl logs. */
export const logsCommand: CommandDef = {
  name: 'logs',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'follow', short: 'f', type: 'bool' },
    { name: 'previous', short: 'p', type: 'bool' },
    { name: 'tail', type: 'int', default: -1 },
    { name: 'timestamps', type: 'bool' },
    { name: 'since', type: 'duration', default: 0 },
    { name: 'all-containers', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'prefix', type: 'bool' },
    { name: 'pod-running-timeout', type: 'duration', default: 20_000 },
  ],
  run: runLogs,
};
