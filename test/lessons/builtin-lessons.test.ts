/**
 * The built-in lessons keep the seed's manifests byte for byte, say what a real cluster does
 * where the seed would fail (busybox has no curl; targetPort 8080 while nginx listens on 80),
 * and are reachable end to end.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { resolveScenario } from '../../src/lesson/scenario-loader.js';

const FIXTURES = 'test/cluster/admission/fixtures/';
const load = (id: string) => resolveScenario(id).result.scenario!;

describe('seed manifests, exactly', () => {
  test.each([
    ['blue-green', ['blue-env.yaml', 'green-env.yaml', 'patch-green.yaml']],
    ['canary', ['stable-env.yaml', 'canary-env.yaml']],
    ['rolling-update', ['stable-env.yaml']],
  ] as const)('%s', (id, files) => {
    const sc = load(id);
    for (const f of files) expect(sc.files![f]).toBe(readFileSync(FIXTURES + f, 'utf8'));
  });

  test("the canary's promote solution writes the seed's updated stable-env.yaml", () => {
    const decide = load('canary').steps.find((s) => s.id === 'decide')!;
    const body = decide.solution!.split('\n').filter((l) => l.startsWith('>')).map((l) => l.replace(/^> ?/, '')).slice(0, -1).join('\n');
    expect(`${body}\n`).toBe(readFileSync(FIXTURES + 'stable-env-v115.yaml', 'utf8'));
  });
});

describe('what a real cluster does, said at the step', () => {
  test('busybox has no curl: wget or curlimages/curl', () => {
    for (const [id, step] of [['canary', 'traffic'], ['blue-green', 'find-port']]) {
      const s = load(id).steps.find((x) => x.id === step)!;
      for (const lang of ['en', 'ko'] as const) {
        expect(s.instructions[lang]).toContain('sh: curl: not found');
        expect(s.instructions[lang]).toContain('wget -qO- http://');
        expect(s.instructions[lang]).toContain('--image=curlimages/curl');
      }
    }
  });

  test('blue-green: the port mismatch is found and fixed before the switch, which the meter watches', () => {
    const sc = load('blue-green');
    expect(sc.watch).toEqual({ service: 'test-service' });
    const ids = sc.steps.map((s) => s.id);
    expect(ids.indexOf('find-port')).toBeLessThan(ids.indexOf('switch'));
    const fix = sc.steps.find((s) => s.id === 'find-port')!;
    expect(fix.checks).toContainEqual({ field: { kind: 'Service', name: 'test-service', path: 'spec.ports[0].targetPort', equals: 80 } });
    expect(fix.instructions.en).toMatch(/targetPort: 8080.*\n.*:8080/s);
  });

  test('canary: about 1 in 5 over 200 requests, then two branches', () => {
    const sc = load('canary');
    const traffic = sc.steps.find((s) => s.id === 'traffic')!;
    expect(traffic.checks).toContainEqual({ traffic: { service: 'nginx-service', requests: 200, body: 'Hello from Canary', share: [0.08, 0.35] } });
    const decide = sc.steps.find((s) => s.id === 'decide')!;
    expect((decide.next as { goto: string }[]).map((b) => b.goto)).toEqual(['promote', 'pull-back']);
  });
});
