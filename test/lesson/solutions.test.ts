import { describe, expect, test } from 'vitest';
import { listBuiltinScenarios, parseScenario } from '../../src/lesson/scenario-loader.js';
import { verifySolutions } from '../../src/lesson/verify-solutions.js';

describe('reference solutions', () => {
  test.each(listBuiltinScenarios().map((b) => [b.file, b] as const))('%s passes its own checks', async (_f, b) => {
    const report = await verifySolutions(b.result.scenario!, b.result.solutionAt);
    expect(report.problems).toEqual([]);
    expect(report.stoppedAt).toBeUndefined();
  });
});

test('a solution that misses its checks is reported at its solution line', async () => {
  const text = `id: wrong
title: {en: W, ko: W}
files:
  d.yaml: |
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      replicas: 2
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec: {containers: [{name: c, image: "nginx:1.14"}]}
steps:
  - id: go
    title: {en: g, ko: g}
    instructions: {en: g, ko: g}
    solution: |
      $ kubectl apply -f d.yaml
    checks:
      - deployment: {name: web, image: "nginx:1.17"}
`;
  const r = parseScenario(text);
  expect(r.problems).toEqual([]);
  const report = await verifySolutions(r.scenario!, r.solutionAt);
  expect(report.problems).toHaveLength(1);
  expect(report.problems[0]).toMatchObject({ code: 'solution-fails', line: 18, column: 5 });
  expect(report.problems[0].message).toContain('runs the image nginx:1.14; expected nginx:1.17');
});
