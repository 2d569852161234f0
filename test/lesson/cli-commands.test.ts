import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { scenariosCommand } from '../../src/cli/scenarios-command.js';
import { validateCommand } from '../../src/cli/validate-command.js';
import { CliUsageError } from '../../src/cli/usage.js';

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
}

const HELLO = readFileSync('scenarios/hello-pods.yaml', 'utf8');

describe('kubelab scenarios', () => {
  test('lists the built-in scenarios in English by default and in Korean with --lang ko', () => {
    const en = capture();
    expect(scenariosCommand([], en.io)).toBe(0);
    // Columns are as wide as the longest id among the built-in scenarios.
    expect(en.out.stdout).toMatch(/^ID +TITLE\n(.*\n)*hello-pods +Hello, pods: a Deployment and a Service\n/);
    const ko = capture();
    expect(scenariosCommand(['--lang', 'ko'], ko.io)).toBe(0);
    expect(ko.out.stdout).toMatch(/\nhello-pods +안녕, 파드: 디플로이먼트와 서비스\n/);
    expect(() => scenariosCommand(['--lang', 'fr'], capture().io)).toThrow(CliUsageError);
  });

  test('a broken built-in file is named on stderr, the others still listed, exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubelab-scenarios-'));
    writeFileSync(join(dir, 'a.yaml'), HELLO);
    writeFileSync(join(dir, 'b.yaml'), 'id: broken\n');
    const c = capture();
    expect(scenariosCommand([], c.io, dir)).toBe(1);
    expect(c.out.stdout).toContain('hello-pods');
    expect(c.out.stderr).toMatch(/b\.yaml has 2 problem\(s\); run "kubelab validate /);
  });
});

describe('kubelab validate', () => {
  test('a good file prints "file: ok" and exits 0', async () => {
    const c = capture();
    expect(await validateCommand(['scenarios/hello-pods.yaml'], c.io)).toBe(0);
    expect(c.out.stdout).toBe('scenarios/hello-pods.yaml: ok\n');
  });

  test('a bad file prints file:line:column problems and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubelab-validate-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, HELLO.replace('  - id: look', '  - id: apply').replace('readyReplicas: 3', 'readyReplica: 3'));
    const c = capture();
    expect(await validateCommand([file, 'scenarios/hello-pods.yaml'], c.io)).toBe(1);
    expect(c.out.stdout.split('\n')).toEqual([
      `${file}:72:56: unknown field "readyReplica" in deployment check; did you mean "readyReplicas"?`,
      `${file}:74:9: duplicate step id "apply" (first used at line 50)`,
      'scenarios/hello-pods.yaml: ok',
      '',
    ]);
  });

  test('a solution that fails its checks is reported unless --no-solutions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubelab-validate-'));
    const file = join(dir, 'wrong.yaml');
    writeFileSync(file, HELLO.replace('image: "nginx:1.17", readyReplicas: 3', 'image: "nginx:1.14", readyReplicas: 3'));
    const c = capture();
    expect(await validateCommand([file], c.io)).toBe(1);
    expect(c.out.stdout).toMatch(/wrong\.yaml:66:5: the solution of step "apply" does not pass its own checks: Deployment "hello" runs the image nginx:1\.17; expected nginx:1\.14\./);
    const skip = capture();
    expect(await validateCommand(['--no-solutions', file], skip.io)).toBe(0);
  });

  test('a missing file is one problem at 1:1', async () => {
    const c = capture();
    expect(await validateCommand(['nope.yaml'], c.io)).toBe(1);
    expect(c.out.stdout).toBe('nope.yaml:1:1: cannot read the scenario: no such file\n');
  });
});

test('scenarios and validate never import ink or react (static import graph)', () => {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)[^'"]*from '([^']+)'|^import '([^']+)'/gm)) {
      const spec = m[1] ?? m[2];
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec.split('/')[0]);
    }
  };
  visit(resolve('src/cli/scenarios-command.ts'));
  visit(resolve('src/cli/validate-command.ts'));
  expect(seen.size).toBeGreaterThan(20);
  expect([...packages].filter((p) => p === 'ink' || p === 'react' || p.startsWith('ink-'))).toEqual([]);
});
