/**
 * The grader's manifest cache (setManifestCache): a cached document converts to exactly what a
 * fresh parse gives, every caller gets its own copy to change, errors are never cached, and
 * the oldest document goes first when the cache is full.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { ManifestSyntaxError, setManifestCache, splitDocuments, yamlToJson } from '../../src/kubectl/manifests/yaml-to-json.js';

afterEach(() => setManifestCache(0));

const ROOT = path.resolve(import.meta.dirname, '../..');
const manifests = ['docs/examples/blue-green', 'docs/examples/canary']
  .flatMap((d) => fs.readdirSync(path.join(ROOT, d)).filter((f) => f.endsWith('.yaml')).map((f) => path.join(ROOT, d, f)))
  .flatMap((f) => splitDocuments(fs.readFileSync(f, 'utf8')));

test('cached documents convert to what a fresh parse gives, twice over', () => {
  expect(manifests.length).toBeGreaterThan(3);
  const fresh = manifests.map((d) => yamlToJson(d));
  setManifestCache(64);
  expect(manifests.map((d) => yamlToJson(d))).toEqual(fresh);
  expect(manifests.map((d) => yamlToJson(d))).toEqual(fresh);
});

test('each caller gets its own copy', () => {
  setManifestCache(64);
  const doc = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: {x: "1"}\ndata:\n  k: [1, 2]\n';
  const first = yamlToJson(doc) as { metadata: { labels: Record<string, string> }; data: { k: number[] } };
  first.metadata.labels.x = 'changed';
  first.data.k.push(3);
  expect(yamlToJson(doc)).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', labels: { x: '1' } }, data: { k: [1, 2] } });
});

test('a broken document fails every time, and __proto__ keys are never cached', () => {
  setManifestCache(64);
  const broken = 'a: [1, 2\n';
  expect(() => yamlToJson(broken)).toThrow(ManifestSyntaxError);
  expect(() => yamlToJson(broken)).toThrow(ManifestSyntaxError);
  const proto = '__proto__:\n  polluted: 1\nname: x\n';
  const a = yamlToJson(proto);
  const b = yamlToJson(proto);
  expect(a).not.toBe(b);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test('a full cache lets the oldest document go and still answers right', () => {
  setManifestCache(2);
  const docs = ['a: 1\n', 'b: 2\n', 'c: 3\n', 'a: 1\n'];
  expect(docs.map((d) => yamlToJson(d))).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }, { a: 1 }]);
});
