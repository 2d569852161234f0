/**
 * Checks on a Service's traffic: its endpoints against a Deployment's ready pods, and a
 * traffic sample through it.
 *
 * The checks read through the context's ClusterReader and send traffic through its
 * TrafficSampler (cluster-reader.ts). Determinism of `traffic` on the simulator: the sample is
 * sent through a ServiceNetwork of its own, whose kube-proxy stream is forked from the cluster's
 * seed by the check's own text (`lesson-traffic/<check as JSON>`). The student's session stream
 * is never drawn from, the sample sends no access-log lines and moves no clock, and the same
 * cluster state always gives the same share however many times a check is evaluated.
 */
import type { Cluster } from '../cluster/cluster.js';
import { ServiceNetwork } from '../cluster/network/index.js';
import type { Deployment, EndpointSlice, Pod, ReplicaSet, Service } from '../cluster/types.js';
import type { ClusterReader } from './cluster-reader.js';
import { describeObject, findObject, listNames, missing, result, DEFAULT_NAMESPACE, type CheckContext, type CheckResult } from './check-context.js';
import type { EndpointsCheck, TrafficCheck } from './scenario-types.js';

/** Names of the pods behind a Service's ready endpoints (EndpointSlices, `ready` not false). */
export function readyEndpointPods(reader: ClusterReader, service: string, namespace: string): string[] {
  const names = new Set<string>();
  for (const slice of reader.list<EndpointSlice>('EndpointSlice', namespace)) {
    if (slice.metadata.labels?.['kubernetes.io/service-name'] !== service) continue;
    for (const ep of slice.endpoints ?? []) {
      if (ep.conditions?.ready !== false && ep.targetRef?.kind === 'Pod') names.add(ep.targetRef.name);
    }
  }
  return [...names].sort();
}

/** Ready, non-terminating pods of a Deployment, found through its ReplicaSets' owner references. */
export function readyDeploymentPods(reader: ClusterReader, deployment: Deployment): string[] {
  const ns = deployment.metadata.namespace ?? DEFAULT_NAMESPACE;
  const owned = (o: { metadata: { ownerReferences?: { uid: string; controller?: boolean }[] } }, uids: Set<string>) =>
    (o.metadata.ownerReferences ?? []).some((r) => r.controller === true && uids.has(r.uid));
  const rsUids = new Set(
    reader.list<ReplicaSet>('ReplicaSet', ns).filter((rs) => owned(rs, new Set([deployment.metadata.uid!]))).map((rs) => rs.metadata.uid!),
  );
  return reader
    .list<Pod>('Pod', ns)
    .filter((p) => owned(p, rsUids) && !p.metadata.deletionTimestamp)
    .filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))
    .map((p) => p.metadata.name!)
    .sort();
}

/** `endpoints`: the Service sends traffic to exactly the ready pods of the Deployment. */
export function checkEndpoints(check: EndpointsCheck, ctx: CheckContext): CheckResult {
  const ns = check.namespace ?? DEFAULT_NAMESPACE;
  if (!findObject<Service>(ctx, 'Service', check.service, ns)) return missing('Service', check.service, ns);
  const deployment = findObject<Deployment>(ctx, 'Deployment', check.deployment, ns);
  if (!deployment) return missing('Deployment', check.deployment, ns);
  const svc = describeObject('Service', check.service, ns);
  const dep = describeObject('Deployment', check.deployment, ns);
  const ready = readyDeploymentPods(ctx.reader, deployment);
  if (ready.length === 0) return result(false, `${dep.en} has no ready pods yet.`, `${dep.ko}에 아직 준비된(Ready) 파드가 없습니다.`);
  const endpoints = readyEndpointPods(ctx.reader, check.service, ns);
  const extra = endpoints.filter((p) => !ready.includes(p));
  const absent = ready.filter((p) => !endpoints.includes(p));
  if (extra.length > 0) {
    const names = listNames(extra);
    return result(
      false,
      `${svc.en} also sends traffic to ${extra.length} pod(s) that are not ready pods of ${dep.en}: ${names.en}.`,
      `${svc.ko}이(가) ${dep.ko}의 준비된 파드가 아닌 파드 ${extra.length}개에도 트래픽을 보냅니다: ${names.ko}.`,
    );
  }
  if (absent.length > 0) {
    const names = listNames(absent);
    const none = endpoints.length === 0;
    return result(
      false,
      none
        ? `${svc.en} has no ready endpoints; its selector matches none of the ${ready.length} ready pods of ${dep.en}.`
        : `${svc.en} does not send traffic to ${absent.length} ready pod(s) of ${dep.en}: ${names.en}.`,
      none
        ? `${svc.ko}에 준비된 엔드포인트가 없습니다. 셀렉터가 ${dep.ko}의 준비된 파드 ${ready.length}개 중 어느 것과도 맞지 않습니다.`
        : `${svc.ko}이(가) ${dep.ko}의 준비된 파드 ${absent.length}개에 트래픽을 보내지 않습니다: ${names.ko}.`,
    );
  }
  return result(
    true,
    `${svc.en} sends traffic to exactly the ${ready.length} ready pods of ${dep.en}.`,
    `${svc.ko}은(는) ${dep.ko}의 준비된 파드 ${ready.length}개에만 정확히 트래픽을 보냅니다.`,
  );
}

/** The URL a lesson sends to a Service: `http://name.namespace:port/path`; undefined without ports. */
export function serviceUrl(svc: Service, port?: number, path = '/'): string | undefined {
  const p = port ?? svc.spec.ports?.[0]?.port;
  if (p === undefined) return undefined;
  return `http://${svc.metadata.name}.${svc.metadata.namespace ?? DEFAULT_NAMESPACE}:${p}${path.startsWith('/') ? path : `/${path}`}`;
}

/** A network model beside the student's, with its own kube-proxy stream forked by `streamName`. */
export function sideNetwork(cluster: Cluster, streamName: string): ServiceNetwork {
  return new ServiceNetwork(cluster.store, cluster.clock, cluster.rng.fork(streamName));
}

/** `traffic`: the share of answers whose body matches lies within [min, max]. */
export function checkTraffic(check: TrafficCheck, ctx: CheckContext): CheckResult {
  const ns = check.namespace ?? DEFAULT_NAMESPACE;
  const svc = findObject<Service>(ctx, 'Service', check.service, ns);
  if (!svc) return missing('Service', check.service, ns);
  const what = describeObject('Service', check.service, ns);
  const url = serviceUrl(svc, check.port, check.path);
  if (!url) return result(false, `${what.en} has no ports.`, `${what.ko}에 포트가 없습니다.`);
  const n = check.requests ?? 100;
  const pattern = new RegExp(check.body);
  let matched = 0;
  const failures = new Map<string, number>();
  for (const r of ctx.traffic.sample(check, url, ns, n)) {
    if (r.ok && pattern.test(r.body)) matched++;
    else if (!r.ok) failures.set(r.message, (failures.get(r.message) ?? 0) + 1);
  }
  const [min, max] = check.share;
  const share = matched / n;
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  const failed = [...failures.entries()].map(([m, c]) => `${c} × ${m}`).join(', ');
  const failedEn = failed ? ` (${failed})` : '';
  const failedKo = failed ? ` (실패: ${failed})` : '';
  const range = min === max ? pct(min) : `${pct(min)}–${pct(max)}`;
  const summaryEn = `${matched} of ${n} requests to ${url} (${pct(share)}) answered with a body matching /${check.body}/`;
  const summaryKo = `${url}로 보낸 요청 ${n}개 중 ${matched}개(${pct(share)})의 응답 본문이 /${check.body}/ 패턴과 맞았습니다`;
  if (share < min || share > max) return result(false, `${summaryEn}; expected ${range}${failedEn}.`, `${summaryKo}. ${range}여야 합니다${failedKo}.`);
  return result(true, `${summaryEn}.`, `${summaryKo}.`);
}
