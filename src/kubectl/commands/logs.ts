/**
 * `kubectl logs POD|TYPE/NAME [-c CONTAINER]` (kubectl pkg/cmd/logs): the container's log as
 * kubelab models it (simply and deterministically): nginx images from 1.19 print the
 * docker-entrypoint start lines, older nginx and busybox print nothing at start; then one
 * access line per request it served (`log_format main`, written by the network model). A container that is not running answers the kubelet's
 * BadRequest `container "nginx" in pod "x" is waiting to start: ContainerCreating`.
 */
import { ApiError, notFound } from '../../cluster/errors.js';
import { networkOf } from '../../cluster/network/index.js';
import { selectorMatches } from '../../cluster/selectors.js';
import type { Deployment, Pod, ReplicaSet } from '../../cluster/types.js';
import { flagString, type CommandDef, type Invocation } from '../command.js';
import { KubectlError, UsageError } from '../errors.js';
import { resolveType } from '../resource-args.js';

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

/** The pod a `TYPE/NAME` argument stands for (polymorphichelpers.AttachablePodForObject: the first pod by name). */
function podFor(inv: Invocation, arg: string): Pod {
  const store = inv.ctx.cluster.store;
  const [typed, name] = arg.includes('/') ? arg.split('/', 2) : ['pod', arg];
  const type = resolveType(typed);
  const obj = store.find(type.kind, inv.namespace, name);
  if (!obj) throw notFound(type, name);
  if (type.kind === 'Pod') return obj as Pod;
  if (type.kind !== 'Deployment' && type.kind !== 'ReplicaSet') throw new KubectlError(`cannot get the logs from ${type.kind.toLowerCase()}: selector for ${type.kind} not implemented`);
  const selector = (obj as Deployment | ReplicaSet).spec.selector;
  const pods = store.list<Pod>('Pod', inv.namespace).filter((p) => selectorMatches(selector, p.metadata.labels ?? {}));
  if (pods.length === 0) throw new KubectlError(`timed out waiting for the condition`);
  return pods[0];
}

function runLogs(inv: Invocation): number {
  if (inv.args.length === 0) throw new UsageError(USAGE, 'kubectl logs');
  const pod = podFor(inv, inv.args[0]);
  let container = flagString(inv, 'container') || (inv.args[1] ?? '');
  const names = pod.spec.containers.map((c) => c.name);
  if (!container) {
    if (names.length !== 1) throw new KubectlError(`a container name must be specified for pod ${pod.metadata.name}, choose one of: [${names.join(' ')}]`);
    container = names[0];
  }
  const spec = pod.spec.containers.find((c) => c.name === container);
  if (!spec) throw new ApiError('BadRequest', 400, `container ${container} is not valid for pod ${pod.metadata.name}`);
  const status = pod.status?.containerStatuses?.find((s) => s.name === container);
  const waiting = status?.state.waiting;
  if (!status || (waiting && !status.lastState?.terminated)) {
    const reason = waiting?.reason ?? 'ContainerCreating';
    throw new ApiError('BadRequest', 400, `container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${reason}`);
  }
  inv.ctx.stdout(startLog(spec.image ?? '') + networkOf(inv.ctx.cluster).containerLog(pod.metadata.uid ?? '', container).join(''));
  return 0;
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
