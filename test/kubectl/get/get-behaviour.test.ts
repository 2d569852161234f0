/**
 * `kubectl get` behaviour beyond the recorded fixtures: sorting, jsonpath and custom columns
 * over served objects, watches on virtual time, and the flag checks from get.go's Complete
 * and Validate (texts from kubectl v1.32.4 run offline, see the comments).
 */
import { describe, expect, it } from 'vitest';
import { lessonHarness } from '../verbs/verb-helpers.js';
import { naturalLess } from '../../../src/kubectl/get/sort.js';

describe('get -o jsonpath / custom-columns / sort-by', () => {
  it('prints jsonpath over a List without a final newline', async () => {
    const h = lessonHarness();
    const r = await h.kubectl("get pods -o jsonpath={.items[*].metadata.labels.app}");
    expect(r.stdout).toBe('nginx nginx nginx nginx');
    expect(r.code).toBe(0);
  });

  it('prints jsonpath of a single named object as the object', async () => {
    const h = lessonHarness();
    const r = await h.kubectl("get deploy nginx-deployment -o jsonpath={.spec.replicas}");
    expect(r.stdout).toBe('4');
  });

  it('prints custom columns with a header and <none> for missing fields', async () => {
    const h = lessonHarness();
    const r = await h.kubectl('get deploy -o custom-columns=NAME:.metadata.name,IMAGE:.spec.template.spec.containers[*].image,X:.spec.nope');
    expect(r.stdout).toBe('NAME               IMAGE        X\nnginx-deployment   nginx:1.14   <none>\n');
  });

  it('sorts rows by a field, objects in natural order', async () => {
    const h = lessonHarness();
    const names = (await h.kubectl('get pods -o name')).stdout.trim().split('\n');
    const byIp = await h.kubectl('get pods --sort-by=.status.podIP --no-headers -o wide');
    const ips = byIp.stdout.trim().split('\n').map((l) => l.split(/\s+/)[5]);
    const sorted = [...ips].sort((a, b) => (naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0));
    expect(ips).toEqual(sorted);
    expect(byIp.stdout.trim().split('\n')).toHaveLength(names.length);
  });

  it('says when the sort field is on no object', async () => {
    const h = lessonHarness();
    const r = await h.kubectl('get pods --sort-by=.spec.nope');
    expect(r.stderr).toBe('error: couldn\'t find any field with path "{.spec.nope}" in the list of objects\n');
    expect(r.code).toBe(1);
  });

  it('natural order puts digits before letters and compares numbers by value', () => {
    expect(naturalLess('pod-2', 'pod-10')).toBe(true);
    expect(naturalLess('pod-10', 'pod-2')).toBe(false);
    expect(naturalLess('a', 'a1')).toBe(true);
    expect(naturalLess('1', 'a')).toBe(true);
  });
});

describe('get flag checks (kubectl v1.32.4, KUBECONFIG=/nonexistent)', () => {
  it('rejects --show-labels with a non-table printer', async () => {
    const h = lessonHarness();
    const r = await h.kubectl('get pods --show-labels -o yaml');
    expect(r.stderr).toBe('error: --show-labels option cannot be used with yaml printer\n');
    expect(r.code).toBe(1);
  });

  it('needs a watch for --output-watch-events', async () => {
    const h = lessonHarness();
    const r = await h.kubectl('get pods --output-watch-events');
    expect(r.stderr).toBe("error: --output-watch-events option can only be used with --watch or --watch-only\nSee 'kubectl get -h' for help and examples\n");
  });

  it('asks for a resource type', async () => {
    const h = lessonHarness();
    const r = await h.kubectl('get');
    expect(r.stderr).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
        "See 'kubectl get -h' for help and examples\n",
    );
    expect(r.code).toBe(1);
  });

  it('names the allowed formats for an unknown -o', async () => {
    const h = lessonHarness();
    const r = await h.kubectl('get pods -o foo');
    expect(r.stderr).toMatch(/^error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,/);
  });

  it('prints nothing at all for a missing object with --ignore-not-found -o yaml', async () => {
    const h = lessonHarness();
    const r = await h.kubectl('get deploy nope --ignore-not-found -o yaml');
    expect(r.output).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('get -w on the virtual clock', () => {
  it('prints the list, then a row per change, and stops at the watch budget like Ctrl-C', async () => {
    const h = lessonHarness();
    const start = h.cluster.clock.now();
    const pending = h.kubectl('get deploy -w');
    // The watch advances virtual time itself; scale while it runs is not possible from here, so
    // a change is scheduled on the clock before it starts.
    await pending;
    expect(h.cluster.clock.now() - start).toBe(60_000);
  });

  it('shows scaling as it happens, header once, widths remembered', async () => {
    const h = lessonHarness();
    h.cluster.clock.setTimeout(() => {
      const d = h.cluster.store.get('Deployment', 'default', 'nginx-deployment') as unknown as { spec: { replicas: number } };
      d.spec.replicas = 2;
      h.cluster.api.update(d as never);
    }, 5_000);
    const r = await h.kubectl('get deploy -w');
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME +READY +UP-TO-DATE +AVAILABLE +AGE$/);
    expect(lines.slice(1).every((l) => l.startsWith('nginx-deployment '))).toBe(true);
    expect(lines.filter((l) => l.startsWith('NAME'))).toHaveLength(1);
    expect(lines.some((l) => /\s2\/2\s/.test(l))).toBe(true);
    const widths = new Set(lines.map((l) => l.indexOf('READY') >= 0 ? l.indexOf('READY') : l.search(/\d+\/\d+/)));
    expect(widths.size).toBe(1);
    expect(r.code).toBe(1);
  });

  it('--output-watch-events prefixes each row with its event type', async () => {
    const h = lessonHarness();
    h.cluster.clock.setTimeout(() => h.cluster.api.delete('ConfigMap', 'default', 'stable-html'), 1_000);
    const r = await h.kubectl('get cm stable-html -w --output-watch-events');
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^EVENT +NAME +DATA +AGE$/);
    expect(lines[1]).toMatch(/^ADDED +stable-html +1 /);
    expect(lines[lines.length - 1]).toMatch(/^DELETED +stable-html +1 /);
  });

  it('refuses to watch two kinds', async () => {
    const h = lessonHarness();
    const r = await h.kubectl('get deploy,svc -w');
    expect(r.stderr).toBe('error: you may only specify a single resource type\n');
  });
});
