/** `kubectl scale`, `set image`, `label` and `annotate` on the stable lesson (messages from kubectl v1.32 source and the real kubectl). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Deployment, Pod } from '../../../src/cluster/types.js';
import { lessonHarness } from './verb-helpers.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/real-kubectl/verbs');
const D = 'nginx-deployment';
const deployment = (h: ReturnType<typeof lessonHarness>) => h.cluster.store.get<Deployment>('Deployment', 'default', D);

describe('scale', () => {
  test('scales and the controller follows', async () => {
    const h = lessonHarness();
    const r = await h.kubectl(`scale deployment/${D} --replicas=2`);
    expect(r.output).toBe(`deployment.apps/${D} scaled\n`);
    expect(deployment(h).spec.replicas).toBe(2);
    h.advance(60);
    expect(h.cluster.store.list<Pod>('Pod').filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(2);
  });
  test('--current-replicas precondition', async () => {
    const h = lessonHarness();
    const r = await h.kubectl(`scale deploy ${D} --replicas=2 --current-replicas=3`);
    expect(r.stderr).toBe('error: Expected replicas to be 3, was 4\n');
    expect(r.code).toBe(1);
    expect((await h.kubectl(`scale deploy ${D} --replicas=2 --current-replicas=4`)).stdout).toBe(`deployment.apps/${D} scaled\n`);
  });
  test('errors as the real kubectl prints them', async () => {
    const h = lessonHarness();
    const missing = await h.kubectl(`scale deployment ${D}`);
    expect(missing.stderr).toMatch(/^E0819 \d\d:\d\d:\d\d\.\d{6} +\d+ run\.go:72\] "command failed" err="required flag\(s\) \\"replicas\\" not set"\n$/);
    expect((await h.kubectl(`scale deployment ${D} --replicas=-2`)).stderr).toBe('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n');
    expect((await h.kubectl(`scale deploy x --replicas=1 --current-replicas=-3`)).stderr).toBe('error: The --current-replicas must specify an integer of -1 or greater\n');
    expect((await h.kubectl('scale --replicas=3')).stderr).toBe(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
    expect((await h.kubectl('scale deploy nope --replicas=1')).stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect((await h.kubectl('scale deploy x --replicas=abc')).stderr).toBe(`Error: invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee 'kubectl scale --help' for usage.\n`);
  });
});

describe('set image', () => {
  test('updates, rolls out a new revision; unchanged prints nothing; wildcard', async () => {
    const h = lessonHarness();
    expect((await h.kubectl(`set image deployment/${D} nginx=nginx:1.16.1`)).output).toBe(`deployment.apps/${D} image updated\n`);
    expect(deployment(h).spec.template.spec.containers[0].image).toBe('nginx:1.16.1');
    const same = await h.kubectl(`set image deployment/${D} nginx=nginx:1.16.1`);
    expect(same).toMatchObject({ output: '', code: 0 });
    expect((await h.kubectl(`set image deployment/${D} *=nginx:1.17`)).stdout).toBe(`deployment.apps/${D} image updated\n`);
    expect(deployment(h).spec.template.spec.containers[0].image).toBe('nginx:1.17');
  });
  test('unknown container, argument errors, set help', async () => {
    const h = lessonHarness();
    const r = await h.kubectl(`set image deployment/${D} y=nginx:1.15`);
    expect(r).toMatchObject({ stdout: '', stderr: 'error: unable to find container named "y"\n', code: 1 });
    expect((await h.kubectl(`set image deployment/${D} nginx=a foo`)).stderr).toBe('error: all resources must be specified before image changes: foo\n');
    expect((await h.kubectl(`set image deployment/${D}`)).stderr).toBe('error: at least one image update is required\n');
    const help = await h.kubectl('set');
    expect(help).toMatchObject({ stdout: '', stderr: readFileSync(join(FIXTURES, 'set-help.txt'), 'utf8'), code: 1 });
  });
});

describe('label and annotate', () => {
  test('label, overwrite refusal, --overwrite, not labeled, removal, not found', async () => {
    const h = lessonHarness();
    expect((await h.kubectl(`label deployment ${D} color=blue`)).output).toBe(`deployment.apps/${D} labeled\n`);
    const again = await h.kubectl(`label deployment ${D} color=green`);
    expect(again).toMatchObject({ stderr: "error: 'color' already has a value (blue), and --overwrite is false\n", code: 1 });
    expect((await h.kubectl(`label deployment ${D} color=green --overwrite`)).stdout).toBe(`deployment.apps/${D} labeled\n`);
    expect((await h.kubectl(`label deployment ${D} color=green --overwrite`)).stdout).toBe(`deployment.apps/${D} not labeled\n`);
    expect((await h.kubectl(`label deployment ${D} color-`)).stdout).toBe(`deployment.apps/${D} unlabeled\n`);
    expect(deployment(h).metadata.labels).toBeUndefined();
    // labelFunc sets an empty map on an object without labels, so its JSON grows by "labels":{}: `labeled`.
    expect((await h.kubectl(`label deployment ${D} color-`)).stdout).toBe(`label "color" not found.\ndeployment.apps/${D} labeled\n`);
    await h.kubectl(`label deployment ${D} tier=web`);
    expect((await h.kubectl(`label deployment ${D} color-`)).stdout).toBe(`label "color" not found.\ndeployment.apps/${D} not labeled\n`);
    expect((await h.kubectl(`label deployment ${D}`)).stderr).toBe('error: at least one label update is required\n');
    expect((await h.kubectl(`label deployment ${D} a=b=c`)).stderr).toBe('error: invalid label spec: a=b=c\n');
  });
  test('label pods by selector', async () => {
    const h = lessonHarness();
    const r = await h.kubectl('label pods -l app=nginx tier=web');
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(4);
    for (const line of r.stdout.trimEnd().split('\n')) expect(line).toMatch(/^pod\/nginx-deployment-[4-9bcdf]+-[a-z0-9]{5} labeled$/);
  });
  test('annotate and its overwrite error', async () => {
    const h = lessonHarness();
    expect((await h.kubectl(`annotate deployment ${D} note=hello`)).stdout).toBe(`deployment.apps/${D} annotated\n`);
    expect((await h.kubectl(`annotate deployment ${D} note=bye`)).stderr).toBe("error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hello)\n");
    expect((await h.kubectl(`annotate deployment ${D} kubernetes.io/change-cause=update`)).stdout).toBe(`deployment.apps/${D} annotated\n`);
    expect((await h.kubectl(`annotate deployment ${D} note-`)).stdout).toBe(`deployment.apps/${D} annotated\n`);
    expect(deployment(h).metadata.annotations?.note).toBeUndefined();
    expect((await h.kubectl(`annotate pods x`)).stderr).toBe('error: at least one annotation update is required\n');
  });
});
