/**
 * What checks are evaluated against, and what they answer: ok or not, with a reason in both
 * lesson languages that a student can act on. Checks read the cluster only through a
 * ClusterReader and send traffic only through a TrafficSampler (cluster-reader.ts), so the same
 * checks grade the simulator and a real cluster. Helpers here name objects the way kubectl does.
 */
import type { Cluster } from '../cluster/cluster.js';
import { resolveResource } from '../cluster/resources.js';
import type { KubeObject } from '../cluster/types.js';
import type { WorkspaceFs } from '../workspace/workspace-fs.js';
import { MemoryClusterReader, MemoryTrafficSampler, type ClusterReader, type TrafficSampler } from './cluster-reader.js';
import type { Localized } from './scenario-types.js';

/** One request of the zero-downtime meter that got no good answer. */
export interface DowntimeFailure {
  /** Virtual ms since the Unix epoch. */
  at: number;
  /** The step that was current when the request was sent. */
  step: string;
  /** `no-endpoints`, `connection-refused`, `timeout`, `http-5xx`... */
  kind: string;
  /** What a client would have printed, e.g. `Connection refused` or `HTTP 503`. */
  detail: string;
}

/** What checks may read of the zero-downtime meter. */
export interface MeterView {
  service: string;
  namespace: string;
  /** Virtual ms when the meter started. */
  startedAt: number;
  sent(): number;
  failures(): readonly DowntimeFailure[];
}

/** Everything a check may look at; checks never change any of it. */
export interface CheckContext {
  /** The cluster's objects (the simulator's store, or a snapshot of a real cluster). */
  reader: ClusterReader;
  /** Requests through a Service, for `traffic` checks. */
  traffic: TrafficSampler;
  fs: WorkspaceFs;
  /** The commands the student ran, in order, as typed. */
  commands: readonly string[];
  /** Present when the scenario watches a Service. */
  meter?: MeterView;
}

/** The reader and sampler of a simulated cluster; make them once per cluster and reuse them. */
export function memoryCheckSources(cluster: Cluster): Pick<CheckContext, 'reader' | 'traffic'> {
  return { reader: new MemoryClusterReader(cluster.store), traffic: new MemoryTrafficSampler(cluster) };
}

/** The answer of a check. */
export interface CheckResult {
  ok: boolean;
  reason: Localized;
}

/** Builds a result from an English and a Korean sentence. */
export function result(ok: boolean, en: string, ko: string): CheckResult {
  return { ok, reason: { en, ko } };
}

/** The namespace checks use when none is given. */
export const DEFAULT_NAMESPACE = 'default';

/** The canonical kind for what an author wrote (`deploy` → `Deployment`); the validator vouches for it. */
export function canonicalKind(kind: string): string {
  return resolveResource(kind)?.kind ?? kind;
}

/** `Deployment "web"`, with `in namespace "x"` when it is not `default`. */
export function describeObject(kind: string, name: string, namespace = DEFAULT_NAMESPACE): Localized {
  const namespaced = resolveResource(kind)?.namespaced ?? true;
  if (!namespaced || namespace === DEFAULT_NAMESPACE) return { en: `${kind} "${name}"`, ko: `${kind} "${name}"` };
  return { en: `${kind} "${name}" in namespace "${namespace}"`, ko: `네임스페이스 "${namespace}"의 ${kind} "${name}"` };
}

/** The stored object, if any (a read-only view: checks must not change it). */
export function findObject<T extends KubeObject>(ctx: CheckContext, kind: string, name: string, namespace = DEFAULT_NAMESPACE): T | undefined {
  return ctx.reader.get<T>(canonicalKind(kind), namespace, name);
}

/** A result for a missing object that a check needs. */
export function missing(kind: string, name: string, namespace?: string): CheckResult {
  const what = describeObject(kind, name, namespace);
  return result(false, `${what.en} does not exist.`, `${what.ko}이(가) 없습니다.`);
}

/** `a, b, c and 2 more`, for lists of pod names in reasons. */
export function listNames(names: readonly string[], max = 3): Localized {
  const shown = names.slice(0, max).join(', ');
  const more = names.length - max;
  return more > 0 ? { en: `${shown} and ${more} more`, ko: `${shown} 외 ${more}개` } : { en: shown, ko: shown };
}

/** `1m15s` after the start, for meter reasons. */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m${s % 60}s` : `${s}s`;
}
