/**
 * resolveScenario reads `<id>.yaml` first and scans the whole folder only when that file is not
 * the scenario asked for. That is exact only while every built-in scenario lives in a file
 * named for its id, which this checks, with the fallback for folders where it does not hold.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { builtinScenariosDir, listBuiltinScenarios, resolveScenario } from '../../src/lesson/scenario-loader.js';

/** The hello-pods lesson under another id. */
const scenario = (id: string) => fs.readFileSync(path.join(builtinScenariosDir(), 'hello-pods.yaml'), 'utf8').replace(/^id: hello-pods$/m, `id: "${id}"`);

test('every built-in scenario is in <id>.yaml, and ids are unique', () => {
  const all = listBuiltinScenarios();
  expect(all.length).toBeGreaterThan(0);
  for (const b of all) expect(path.basename(b.file)).toBe(`${b.result.scenario?.id}.yaml`);
  const ids = all.map((b) => b.result.scenario?.id);
  expect(new Set(ids).size).toBe(ids.length);
});

test('resolving a built-in id gives the file a full scan finds', () => {
  for (const b of listBuiltinScenarios()) {
    const id = b.result.scenario!.id;
    const r = resolveScenario(id);
    expect(r.file).toBe(b.file);
    expect(r.result.scenario?.id).toBe(id);
  }
  expect(path.dirname(resolveScenario('canary').file)).toBe(builtinScenariosDir());
});

test('a folder whose <id>.yaml holds another id is scanned whole', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelab-names-'));
  fs.writeFileSync(path.join(dir, 'alpha.yaml'), scenario('beta'));
  fs.writeFileSync(path.join(dir, 'zeta.yaml'), scenario('alpha'));
  expect(resolveScenario('alpha', dir).file).toBe(path.join(dir, 'zeta.yaml'));
  expect(resolveScenario('beta', dir).file).toBe(path.join(dir, 'alpha.yaml'));
  const missing = resolveScenario('gamma', dir);
  expect(missing.result.scenario).toBeUndefined();
  expect(missing.result.problems?.[0].message).toContain('no scenario file or built-in scenario "gamma"');
});

test('an id with a path in it is never joined onto the folder', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelab-names-'));
  fs.mkdirSync(path.join(dir, 'inner'));
  fs.writeFileSync(path.join(dir, 'inner', 'x.yaml'), scenario('inner/x'));
  expect(resolveScenario('inner/x', path.join(dir)).result.scenario).toBeUndefined();
});
