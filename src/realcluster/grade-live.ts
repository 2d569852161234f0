/**
 * `kubelab grade --context`: a live cluster's state graded against a step of a scenario. The
 * lesson's namespace (kubelab-<scenario id> unless told otherwise) stands for the scenario's
 * `default` namespace; its objects are listed once through the API (snapshot.ts) and the same
 * checks as on the simulator read them (grade-end-state.ts). The only write: when the graded
 * step has traffic checks, one short-lived busybox pod sends them (traffic-pods.ts), then is deleted.
 */
import { DEFAULT_NAMESPACE, type CheckContext } from '../lesson/check-context.js';
import type { TrafficSampler } from '../lesson/cluster-reader.js';
import { gradeEndState, lastStepOfPath, type EndStateOutcome } from '../lesson/grade/grade-end-state.js';
import type { Check, Scenario, TrafficCheck } from '../lesson/scenario-types.js';
import { MemoryFs } from '../workspace/memory-fs.js';
import { apiMessage, KubeApi, RealClusterError, type ContextOptions } from './kube-api.js';
import { takeSnapshot } from './snapshot.js';
import { PodTrafficSampler } from './traffic-pods.js';

/** The namespace a lesson of `scenarioId` runs in on a real cluster: `kubelab-<id>`, a valid DNS label. */
export function lessonNamespace(scenarioId: string): string {
  const label = `kubelab-${scenarioId.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`.slice(0, 63);
  return label.replace(/-+$/, '');
}

/** What to grade on which cluster. */
export interface LiveGradeOptions extends ContextOptions {
  /** The cluster namespace standing for the scenario's `default` (default: lessonNamespace). */
  namespace?: string;
  step?: string;
}

/** How a report names a live cluster: `context/namespace`. */
export function liveName(context: string, namespace: string): string {
  return `${context}/${namespace}`;
}

/** Checks on a state have no traffic to sample (`traffic` is left out of end-state grading). */
export const NO_TRAFFIC: TrafficSampler = {
  sample: (_check, _url, _ns, requests) => Array.from({ length: requests }, () => ({ ok: false as const, message: 'traffic samples on a real cluster are not built yet' })),
};

/** A check context over a state alone: no commands, an empty workspace, no meter. */
export function stateContext(reader: CheckContext['reader'], traffic: TrafficSampler = NO_TRAFFIC): CheckContext {
  return { reader, traffic, fs: new MemoryFs({}), commands: [] };
}

/** Connects, takes the snapshot and grades; throws RealClusterError when the cluster cannot be read. */
export async function gradeLiveCluster(scenario: Scenario, opts: LiveGradeOptions): Promise<EndStateOutcome> {
  const api = await KubeApi.connect(opts);
  const namespace = opts.namespace ?? lessonNamespace(scenario.id);
  const ns = await api.get(`/api/v1/namespaces/${encodeURIComponent(namespace)}`);
  if (ns.status === 404) throw new RealClusterError(`namespace "${namespace}" does not exist on context "${opts.context}" (lessons run in ${lessonNamespace(scenario.id)}; another one with --namespace)`);
  if (ns.status !== 200) throw new RealClusterError(`cannot read namespace "${namespace}": ${apiMessage(ns)}`);
  const reader = await takeSnapshot(api, scenario, (n) => (n === DEFAULT_NAMESPACE ? namespace : n));
  const step = opts.step ?? lastStepOfPath(scenario, stateContext(reader));
  const traffic = new PodTrafficSampler(api, namespace);
  await traffic.prefetch(trafficChecks(scenario.steps.find((s) => s.id === step)?.checks ?? []), reader);
  return gradeEndState(scenario, stateContext(reader, traffic), { name: liveName(opts.context, namespace), step });
}

/** The traffic checks among `checks`, inside all/any/not too. */
export function trafficChecks(checks: readonly Check[]): TrafficCheck[] {
  return checks.flatMap((c): TrafficCheck[] => {
    if ('traffic' in c) return [c.traffic];
    if ('all' in c) return trafficChecks(c.all);
    if ('any' in c) return trafficChecks(c.any);
    if ('not' in c) return trafficChecks([c.not]);
    return [];
  });
}
