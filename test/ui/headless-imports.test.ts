/**
 * Headless subcommands never load ink or react: the built CLI runs under a module hook that
 * logs every module it resolves, and the log must name neither package (nor ink's helpers).
 * The same hook shows that `kubelab lesson` does load them, so the check can see them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli/main.js');
const HOOK = path.join(import.meta.dirname, 'fixtures/record-imports.mjs');
const UI_PACKAGES = /\/node_modules\/(ink|react|react-reconciler|ink-testing-library|yoga-layout)\//;

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'dist/ui/run-tui.js'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
});

/** Runs the built CLI under the hook; returns the module URLs it resolved. */
function resolvedModules(args: string[], input = ''): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelab-imports-'));
  const log = path.join(dir, 'imports.log');
  fs.writeFileSync(path.join(dir, 'commands.sh'), 'kubectl get pods\n');
  spawnSync(process.execPath, ['--import', HOOK, CLI, ...args], {
    cwd: dir,
    input,
    encoding: 'utf8',
    env: { ...process.env, KUBELAB_IMPORT_LOG: log },
  });
  return fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
}

test.each([
  ['run', ['run', 'commands.sh']],
  ['run -', ['run', '-']],
  ['grade', ['grade', '--scenario', 'hello-pods', 'commands.sh']],
  ['validate', ['validate', path.join(ROOT, 'scenarios/hello-pods.yaml'), '--no-solutions']],
  ['scenarios', ['scenarios']],
])('kubelab %s loads neither ink nor react', (_name, args) => {
  const modules = resolvedModules(args, 'kubectl get pods\n');
  expect(modules.some((m) => m.includes('/dist/cli/main.js'))).toBe(true);
  expect(modules.filter((m) => UI_PACKAGES.test(m))).toEqual([]);
});

test('the hook does see them when a lesson starts (without a terminal it stops right after)', () => {
  // `lesson` refuses without a TTY before importing the UI, so import the entry the way it does.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelab-imports-'));
  const log = path.join(dir, 'imports.log');
  spawnSync(process.execPath, ['--import', HOOK, '-e', `await import(${JSON.stringify(path.join(ROOT, 'dist/ui/run-tui.js'))})`, '--input-type=module'], {
    encoding: 'utf8',
    env: { ...process.env, KUBELAB_IMPORT_LOG: log },
  });
  const modules = fs.readFileSync(log, 'utf8').split('\n');
  expect(modules.some((m) => /\/node_modules\/ink\//.test(m))).toBe(true);
  expect(modules.some((m) => /\/node_modules\/react\//.test(m))).toBe(true);
});
