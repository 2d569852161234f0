/** More oracle cases: regex corners for grep, key handling for sort, kubectl-style text. */
import { describe, expect, it } from 'vitest';
import { both, hasTool } from './harness.js';

const PODS = [
  'NAME                     READY   STATUS             RESTARTS   AGE',
  'web-7d4b9c8f6d-abcde     1/1     Running            0          5m',
  'web-7d4b9c8f6d-fghij     0/1     CrashLoopBackOff   12         1h',
  'api-5f6c7d8e9f-klmno     1/1     Running            3          2d',
  'db-0                     1/1     Running            0          10d',
  '',
].join('\n');
const FILES = { pods: PODS, 'deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  replicas: 3\n' };

const CASES: [string[], string?][] = [
  [['grep', '-E', '^[a-z]+-[0-9a-f]{10}-[a-z]{5} ', 'pods']],
  [['grep', '-c', 'Running', 'pods']],
  [['grep', '-v', '^NAME', 'pods']],
  [['grep', '-E', '(Crash|Err)', 'pods']],
  [['grep', '-o', '[0-9]\\+/[0-9]\\+', 'pods']],
  [['grep', '-n', '^  [a-z]*:', 'deploy.yaml']],
  [['grep', '-A1', 'labels', 'deploy.yaml']],
  [['grep', '-B2', '-n', 'Running', 'pods']],
  [['grep', '-C1', 'name', 'deploy.yaml', 'pods']],
  [['grep', '-2', 'replicas', 'deploy.yaml']],
  [['grep', '-A', '1', '-m', '1', 'Running', 'pods']],
  [['grep', '-A1', '-v', 'Running', 'pods']],
  [['grep', '-A', 'x', 'a', 'pods']],
  [['grep', '-A1', 'e', '-'], 'e1\ne2\nx\ny\ne3\n'],
  [['grep', '-iE', 'REPLICAS: *[0-9]+$', 'deploy.yaml']],
  [['grep', '-e', 'kind', '-e', 'name', '-o', 'deploy.yaml']],
  [['grep', '-w', 'web', 'deploy.yaml']],
  [['grep', '[[:space:]]\\{4\\}app', 'deploy.yaml']],
  [['grep', '-E', '[[:digit:]]+[dh]$', 'pods']],
  [['grep', '-E', 'a|', 'deploy.yaml']],
  [['grep', '-x', '-E', 'kind: [A-Z][a-z]+', 'deploy.yaml']],
  [['grep', '-F', '-x', 'spec:', 'deploy.yaml']],
  [['grep', '-E', '^(web|api)-.*1/1', 'pods']],
  [['grep', '-E', '([0-9])\\1', 'pods']],
  [['grep', '-ow', '[a-z]*', '-'], 'ab cd-ef\n'],
  [['grep', '-c', '', '-'], 'a\n\nb'],
  [['sort', '-k3', 'pods']],
  [['sort', '-k4,4n', 'pods']],
  [['sort', '-k4,4nr', '-k1,1', 'pods']],
  [['sort', '-t', '-', '-k2', 'pods']],
  [['sort', '-u', '-k3,3', 'pods']],
  [['sort', '-h', '-k5', 'pods']],
  [['sort', '-k1.5,1.7', 'pods']],
  [['sort', '-fu'], 'b\nB\na\n'],
  [['sort', '-n'], '1.5\n1.25\n-0.5\nabc\n 2\n'],
  [['tail', '-n', '+2', 'pods']],
  [['cut', '-c', '1-24', 'pods']],
  [['tr', '-s', ' ', ':'], PODS],
  [['wc', '-lwc', 'pods', 'deploy.yaml']],
  [['head', '-c', '-10', 'deploy.yaml']],
  [['uniq', '-c'], 'Running\nRunning\nCrashLoopBackOff\nRunning\n'],
];

describe.each(CASES.map(([argv, stdin]) => ({ argv, stdin, label: argv.join(' ') })))('$label', ({ argv, stdin }) => {
  it.skipIf(!hasTool(argv[0]))(`matches GNU ${argv[0]}`, async () => {
    const r = await both(argv, { files: FILES, stdin });
    expect(r.sim).toEqual(r.real);
  });
});
