/**
 * Checks on stored objects: exists, absent, field, a Service's selector, a Deployment's image,
 * ready replicas and revision. They read end state only, the way certification exams grade,
 * so any correct way of getting there passes.
 */
import { formatLabelMap } from '../cluster/selectors.js';
import type { Deployment, Service } from '../cluster/types.js';
import {
  canonicalKind, describeObject, findObject, missing, result, DEFAULT_NAMESPACE,
  type CheckContext, type CheckResult,
} from './check-context.js';
import { formatFieldPath, jsonEqual, lookupField, parseFieldPath, showValue } from './field-path.js';
import type { DeploymentCheck, FieldCheck, ObjectRef, SelectorCheck } from './scenario-types.js';

/** `exists`: the object is stored (a terminating object still exists, as `kubectl get` shows). */
export function checkExists(ref: ObjectRef, ctx: CheckContext): CheckResult {
  const kind = canonicalKind(ref.kind);
  const what = describeObject(kind, ref.name, ref.namespace);
  if (!findObject(ctx, kind, ref.name, ref.namespace)) return missing(kind, ref.name, ref.namespace);
  return result(true, `${what.en} exists.`, `${what.ko}이(가) 있습니다.`);
}

/** `absent`: the object is gone, including from a graceful deletion still under way. */
export function checkAbsent(ref: ObjectRef, ctx: CheckContext): CheckResult {
  const kind = canonicalKind(ref.kind);
  const what = describeObject(kind, ref.name, ref.namespace);
  const obj = findObject(ctx, kind, ref.name, ref.namespace);
  if (!obj) return result(true, `${what.en} is gone.`, `${what.ko}이(가) 삭제되었습니다.`);
  if (obj.metadata.deletionTimestamp) {
    return result(false, `${what.en} is still being deleted (Terminating).`, `${what.ko}이(가) 아직 삭제되는 중입니다(Terminating).`);
  }
  return result(false, `${what.en} still exists; it should be deleted.`, `${what.ko}이(가) 아직 남아 있습니다. 삭제해야 합니다.`);
}

/** `field`: the value at a path equals a value, matches a pattern, or (with neither) is set. */
export function checkField(check: FieldCheck, ctx: CheckContext): CheckResult {
  const kind = canonicalKind(check.kind);
  const obj = findObject(ctx, kind, check.name, check.namespace);
  if (!obj) return missing(kind, check.name, check.namespace);
  const what = describeObject(kind, check.name, check.namespace);
  const path = parseFieldPath(check.path);
  const shown = formatFieldPath(path);
  const found = lookupField(obj, path);
  if (!found.found) {
    const expected = check.equals !== undefined ? ` (expected ${showValue(check.equals)})` : '';
    const expectedKo = check.equals !== undefined ? ` (기대값 ${showValue(check.equals)})` : '';
    return result(false, `${shown} is not set on ${what.en}${expected}.`, `${what.ko}에 ${shown} 값이 없습니다${expectedKo}.`);
  }
  const actual = showValue(found.value);
  if (check.equals !== undefined && !jsonEqual(found.value, check.equals)) {
    return result(false, `${shown} of ${what.en} is ${actual}; expected ${showValue(check.equals)}.`, `${what.ko}의 ${shown} 값이 ${actual}입니다. ${showValue(check.equals)}이어야 합니다.`);
  }
  if (check.matches !== undefined) {
    const text = typeof found.value === 'string' ? found.value : actual;
    if (!new RegExp(check.matches).test(text)) {
      return result(false, `${shown} of ${what.en} is ${actual}, which does not match /${check.matches}/.`, `${what.ko}의 ${shown} 값 ${actual}이(가) /${check.matches}/ 패턴과 맞지 않습니다.`);
    }
  }
  return result(true, `${shown} of ${what.en} is ${actual}.`, `${what.ko}의 ${shown} 값은 ${actual}입니다.`);
}

/** `selector`: a Service's `spec.selector` is exactly the given map. */
export function checkSelector(check: SelectorCheck, ctx: CheckContext): CheckResult {
  const svc = findObject<Service>(ctx, 'Service', check.service, check.namespace);
  if (!svc) return missing('Service', check.service, check.namespace);
  const what = describeObject('Service', check.service, check.namespace);
  const actual = svc.spec.selector ?? {};
  const want = formatLabelMap(check.equals);
  if (!jsonEqual(actual, check.equals)) {
    const has = Object.keys(actual).length === 0 ? 'no selector' : `the selector ${formatLabelMap(actual)}`;
    const hasKo = Object.keys(actual).length === 0 ? '셀렉터가 없습니다' : `셀렉터가 ${formatLabelMap(actual)}입니다`;
    return result(false, `${what.en} has ${has}; expected ${want}.`, `${what.ko}의 ${hasKo}. ${want}이어야 합니다.`);
  }
  return result(true, `${what.en} selects ${want}.`, `${what.ko}의 셀렉터는 ${want}입니다.`);
}

/** `deployment`: every fact given (image, readyReplicas, revision) holds. */
export function checkDeployment(check: DeploymentCheck, ctx: CheckContext): CheckResult {
  const ns = check.namespace ?? DEFAULT_NAMESPACE;
  const d = findObject<Deployment>(ctx, 'Deployment', check.name, ns);
  if (!d) return missing('Deployment', check.name, ns);
  const what = describeObject('Deployment', check.name, ns);
  const facts: { en: string; ko: string }[] = [];
  if (check.image !== undefined) {
    const containers = d.spec.template.spec.containers ?? [];
    const c = check.container === undefined ? containers[0] : containers.find((x) => x.name === check.container);
    if (!c) {
      return result(false, `${what.en} has no container named "${check.container}".`, `${what.ko}에 "${check.container}" 컨테이너가 없습니다.`);
    }
    if (c.image !== check.image) {
      return result(false, `${what.en} runs the image ${c.image}; expected ${check.image}.`, `${what.ko}의 이미지는 ${c.image}입니다. ${check.image}이어야 합니다.`);
    }
    facts.push({ en: `runs ${c.image}`, ko: `이미지 ${c.image}` });
  }
  if (check.readyReplicas !== undefined) {
    const ready = d.status?.readyReplicas ?? 0;
    if (ready !== check.readyReplicas) {
      return result(false, `${what.en} has ${ready} ready pods; expected ${check.readyReplicas}.`, `${what.ko}의 준비된(Ready) 파드는 ${ready}개입니다. ${check.readyReplicas}개여야 합니다.`);
    }
    facts.push({ en: `has ${ready} ready pods`, ko: `준비된 파드 ${ready}개` });
  }
  if (check.revision !== undefined) {
    const revision = d.metadata.annotations?.['deployment.kubernetes.io/revision'];
    if (revision !== String(check.revision)) {
      const has = revision === undefined ? 'no revision yet' : `revision ${revision}`;
      const hasKo = revision === undefined ? '아직 리비전이 없습니다' : `리비전이 ${revision}입니다`;
      return result(false, `${what.en} is at ${has}; expected revision ${check.revision}.`, `${what.ko}의 ${hasKo}. 리비전 ${check.revision}이어야 합니다.`);
    }
    facts.push({ en: `is at revision ${revision}`, ko: `리비전 ${revision}` });
  }
  if (facts.length === 0) return result(true, `${what.en} exists.`, `${what.ko}이(가) 있습니다.`);
  return result(true, `${what.en} ${facts.map((f) => f.en).join(', ')}.`, `${what.ko}: ${facts.map((f) => f.ko).join(', ')}.`);
}
