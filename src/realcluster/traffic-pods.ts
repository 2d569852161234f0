/**
 * Traffic checks on a real cluster: one short-lived busybox pod in the lesson's namespace sends
 * each check's requests with `wget` (what a student does by hand in the lessons), through the
 * cluster's own DNS and kube-proxy; then the pod is deleted. The answers are fetched before the
 * checks are evaluated (`prefetch`) and handed out synchronously (`sample`), as the
 * TrafficSampler interface wants. Each request's body ends with a marker line carrying wget's
 * exit status, so bodies and failures are told apart without a second channel.
 */
import { serviceUrl } from '../lesson/service-checks.js';
import type { ClusterReader, TrafficAnswer, TrafficSampler } from '../lesson/cluster-reader.js';
import type { TrafficCheck } from '../lesson/scenario-types.js';
import type { Service } from '../cluster/types.js';
import { DEFAULT_NAMESPACE } from '../lesson/check-context.js';
import { apiMessage, RealClusterError, type KubeApi } from './kube-api.js';

/** The image of the probe pod (busybox has wget, as in the lessons). */
export const PROBE_IMAGE = 'busybox:1.36';
/** Labels on every object kubelab creates on a real cluster. */
export const MANAGED_LABELS = { 'app.kubernetes.io/managed-by': 'kubelab' };
/** Seconds a probe pod may take to start before the sample is given up. */
export const PROBE_START_SECONDS = 120;

const MARK = '@@kubelab-wget-status';

/** The shell loop one check's requests run as: body, then `MARK <status>` on a line of its own. */
export function wgetLoop(url: string, requests: number): string {
  const quoted = `'${url.replace(/'/g, `'\\''`)}'`;
  return `i=0; while [ $i -lt ${requests} ]; do wget -q -T 5 -O - ${quoted} 2>&1; s=$?; echo; echo "${MARK} $s"; i=$((i+1)); done`;
}

/** Splits the loop's output into answers (see wgetLoop). */
export function parseWgetLoop(output: string): TrafficAnswer[] {
  const answers: TrafficAnswer[] = [];
  const parts = output.split(new RegExp(`\\n${MARK} (\\d+)\\n`));
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const text = parts[i];
    const status = Number(parts[i + 1]);
    answers.push(status === 0 ? { ok: true, body: text } : { ok: false, message: text.trim().replace(/^wget: /, '') || `wget exit status ${status}` });
  }
  return answers;
}

/** Answers fetched by a probe pod, handed out by check. */
export class PodTrafficSampler implements TrafficSampler {
  private readonly answers = new Map<string, TrafficAnswer[]>();

  constructor(
    private readonly api: KubeApi,
    /** The cluster namespace the probe pod runs in. */
    private readonly namespace: string,
  ) {}

  /** Sends every check's requests from one probe pod, then deletes the pod. Checks whose Service is missing send none. */
  async prefetch(checks: readonly TrafficCheck[], reader: ClusterReader): Promise<void> {
    const jobs = checks.flatMap((check) => {
      const ns = check.namespace ?? DEFAULT_NAMESPACE;
      const svc = reader.get<Service>('Service', ns, check.service);
      const url = svc && serviceUrl(svc, check.port, check.path);
      return url ? [{ check, url, requests: check.requests ?? 100 }] : [];
    });
    if (jobs.length === 0) return;
    const pod = await startProbePod(this.api, this.namespace, 'kubelab-traffic-', 'traffic-probe');
    try {
      for (const job of jobs) {
        const r = await this.api.exec(this.namespace, pod, 'wget', ['sh', '-c', wgetLoop(job.url, job.requests)]);
        this.answers.set(JSON.stringify(job.check), parseWgetLoop(r.stdout));
      }
    } finally {
      await this.api.request('DELETE', `/api/v1/namespaces/${this.namespace}/pods/${pod}?gracePeriodSeconds=0`);
    }
  }

  sample(check: TrafficCheck, _url: string, _namespace: string, requests: number): readonly TrafficAnswer[] {
    const got = this.answers.get(JSON.stringify(check));
    if (got) return got;
    return Array.from({ length: requests }, () => ({ ok: false as const, message: 'not sampled' }));
  }
}

/**
 * Creates a busybox probe pod (`generateName`, labelled kubelab's with `component`, living at most
 * `lifetimeSeconds`) and waits until it runs; returns its name.
 */
export async function startProbePod(api: KubeApi, namespace: string, generateName: string, component: string, lifetimeSeconds = 600): Promise<string> {
  const body = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { generateName, labels: { ...MANAGED_LABELS, 'app.kubernetes.io/component': component } },
    spec: {
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: 0,
      activeDeadlineSeconds: lifetimeSeconds,
      containers: [{ name: 'wget', image: PROBE_IMAGE, command: ['sleep', String(lifetimeSeconds)] }],
    },
  };
  const created = await api.request('POST', `/api/v1/namespaces/${namespace}/pods`, body);
  if (created.status !== 201 && created.status !== 200) throw new RealClusterError(`cannot start the probe pod: ${apiMessage(created)}`);
  const pod = created.body as { metadata: { name: string; resourceVersion?: string } };
  const name = pod.metadata.name;
  const running = await api.watch(
    `/api/v1/namespaces/${namespace}/pods?watch=1&fieldSelector=metadata.name%3D${name}&resourceVersion=${pod.metadata.resourceVersion ?? '0'}&timeoutSeconds=${PROBE_START_SECONDS}`,
    (e) => (e.object as { status?: { phase?: string } }).status?.phase === 'Running' || ['Failed', 'Succeeded'].includes((e.object as { status?: { phase?: string } }).status?.phase ?? ''),
  );
  const now = await api.get(`/api/v1/namespaces/${namespace}/pods/${name}`);
  const phase = (now.body as { status?: { phase?: string } }).status?.phase;
  if (!running || phase !== 'Running') {
    await api.request('DELETE', `/api/v1/namespaces/${namespace}/pods/${name}?gracePeriodSeconds=0`);
    throw new RealClusterError(`the probe pod ${name} (${PROBE_IMAGE}) did not start within ${PROBE_START_SECONDS}s (phase ${phase ?? 'unknown'})`);
  }
  return name;
}
