import { describe, expect, test } from 'vitest';
import { maxScaledDown, proportion, replicaSetFraction, resolveFenceposts, rollingNewReplicas, rollingScaleDownBudget, roundToInt, scaledValue } from '../../../src/cluster/controllers/deployment/rollout-math.js';
import { computePodTemplateHash, fnv32a, safeEncodeString } from '../../../src/cluster/pod-template-hash.js';
import { deploymentOf } from './workload-helpers.js';

describe('resolveFenceposts (deployment_util.go ResolveFenceposts)', () => {
  test.each([
    // replicas, maxSurge, maxUnavailable, surge, unavailable
    [4, '25%', '25%', 1, 1],
    [1, '25%', '25%', 1, 0],
    [10, '25%', '25%', 3, 2],
    [5, '25%', '25%', 2, 1],
    [2, 0, '25%', 0, 1], // both resolve to 0 → unavailable 1
    [3, 1, 0, 1, 0],
    [0, '25%', '25%', 0, 1],
  ])('%i replicas, surge %s, unavailable %s → %i and %i', (replicas, surge, unavailable, wantSurge, wantUnavailable) => {
    expect(resolveFenceposts(surge, unavailable, replicas)).toEqual({ maxSurge: wantSurge, maxUnavailable: wantUnavailable });
  });
});

describe('scaledValue (intstr.GetScaledValueFromIntOrPercent)', () => {
  test.each([
    ['25%', 4, true, 1],
    ['25%', 10, true, 3],
    ['25%', 10, false, 2],
    ['50%', 3, false, 1],
    [2, 10, false, 2],
    ['bogus', 10, true, 0],
  ] as const)('%s of %i (round up %s) → %i', (value, total, up, want) => {
    expect(scaledValue(value, total, up)).toBe(want);
  });
});

describe('rollingNewReplicas (NewRSNewReplicas)', () => {
  test.each([
    // replicas, surge, all, new → want
    [4, 1, 4, 0, 1], // stable update starts: new RS created with 1
    [4, 1, 5, 1, 1], // at the cap: no change
    [4, 1, 4, 1, 2], // old scaled to 3: new grows to 2
    [4, 1, 0, 0, 4], // a brand-new Deployment
    [1, 1, 1, 0, 1], // canary of 1
    [10, 3, 10, 0, 3],
  ])('%i replicas, surge %i, %i in all RSs, new %i → %i', (replicas, surge, all, cur, want) => {
    expect(rollingNewReplicas(replicas, surge, all, cur)).toBe(want);
  });
});

describe('maxScaledDown and the scale-down budget (reconcileOldReplicaSets)', () => {
  test.each([
    // allPods, replicas, maxUnavailable, newReplicas, newAvailable → want
    [5, 4, 1, 1, 0, 1],
    [5, 4, 1, 2, 0, 0],
    [5, 4, 1, 2, 1, 1],
    [4, 4, 1, 4, 3, 0],
  ])('%i pods, %i replicas, maxUnavailable %i, new %i/%i available → %i', (all, replicas, mu, n, na, want) => {
    expect(maxScaledDown(all, replicas, mu, n, na)).toBe(want);
  });
  test.each([
    [4, 4, 1, 1],
    [3, 4, 1, 0],
    [2, 4, 1, 0],
  ])('%i available, %i replicas, maxUnavailable %i → budget %i', (available, replicas, mu, want) => {
    expect(rollingScaleDownBudget(available, replicas, mu)).toBe(want);
  });
});

describe('proportional scaling (getReplicaSetFraction, GetProportion)', () => {
  test.each([
    // size, replicas, surge, maxBefore, statusReplicas → fraction
    [8, 15, 4, 13, 13, 4],
    [5, 15, 4, 13, 13, 2],
    [3, 0, 0, 5, 5, -3],
    [3, 5, 2, undefined, 0, 0],
    [4, 2, 1, 5, 5, -2], // 4·3/5 = 2.4 → 2
  ])('size %i, to %i+%i from max %s → %i', (size, replicas, surge, before, status, want) => {
    expect(replicaSetFraction(size, replicas, surge, before, status)).toBe(want);
  });
  test('clamped by what is left to add', () => {
    expect(proportion(8, 4, 6, 0)).toBe(4);
    expect(proportion(5, 2, 6, 4)).toBe(2);
    expect(proportion(5, 3, 6, 4)).toBe(2);
    expect(proportion(5, -3, -2, 0)).toBe(-2);
    expect(proportion(0, 3, 6, 0)).toBe(0);
  });
  test.each([
    [2.5, 3],
    [2.4, 2],
    [-2.5, -3],
  ])('roundToInt(%d) = %i', (x, want) => expect(roundToInt(x)).toBe(want));
});

describe('pod-template-hash', () => {
  test.each([
    ['0123456789', '456789bcdf'],
    ['1234', '5678'],
  ])('SafeEncodeString(%s) = %s', (input, want) => expect(safeEncodeString(input)).toBe(want));

  test('FNV-32a reference values', () => {
    expect(fnv32a(new TextEncoder().encode(''))).toBe(0x811c9dc5);
    expect(fnv32a(new TextEncoder().encode('a'))).toBe(0xe40c292c);
    expect(fnv32a(new TextEncoder().encode('foobar'))).toBe(0xbf9cf968);
  });

  test('real format, deterministic, sensitive to the template and the collision count', () => {
    const t14 = deploymentOf('stable-env.yaml').spec.template;
    const t15 = deploymentOf('stable-env-1.15.yaml').spec.template;
    const h14 = computePodTemplateHash(t14);
    expect(h14).toMatch(/^[4-9bcdf]{9,10}$/);
    expect(computePodTemplateHash(structuredClone(t14))).toBe(h14);
    expect(computePodTemplateHash(t15)).not.toBe(h14);
    expect(computePodTemplateHash(t14, 1)).not.toBe(h14);
    expect(computePodTemplateHash(t14, 1)).toMatch(/^[4-9bcdf]{1,10}$/);
  });
});
