/**
 * `kubelab run` as a user calls it: the built CLI in a child process. The same seed must give
 * the same bytes; another seed must change names and IPs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli/main.js');
const EXAMPLE = path.join(ROOT, 'docs/examples/blue-green');

function kubelab(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', cwd: EXAMPLE });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('kubelab run (built CLI)', () => {
  beforeAll(() => {
    if (!fs.existsSync(CLI)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  });

  const script = [
    'kubectl apply -f blue-env.yaml',
    'kubectl get pods -o wide',
    'kubectl describe service test-service',
  ].join('\n');

  it('prints identical bytes for the same seed', () => {
    const a = kubelab(['run', '-', '--seed', '7', '--echo'], script);
    const b = kubelab(['run', '-', '--seed', '7', '--echo'], script);
    expect(a.status).toBe(0);
    expect(a.stdout).toContain('deployment.apps/test-deployment-blue created');
    expect(a.stdout).toBe(b.stdout);
    expect(a.stderr).toBe(b.stderr);
  });

  it('changes pod names and IPs with another seed', () => {
    const podNames = (out: string) => out.match(/test-deployment-blue-[a-z0-9]+-[a-z0-9]{5}/g) ?? [];
    const ips = (out: string) => out.match(/10\.244\.\d+\.\d+/g) ?? [];
    const a = kubelab(['run', '-', '--seed', '7'], script).stdout;
    const b = kubelab(['run', '-', '--seed', '8'], script).stdout;
    expect(podNames(a)).toHaveLength(4);
    expect(podNames(b)).toHaveLength(4);
    expect(podNames(a)).not.toEqual(podNames(b));
    expect(ips(a)).not.toEqual(ips(b));
  });

  it('exits with the last failing status and keeps going after a failure', () => {
    const r = kubelab(['run', '-'], 'kubectl get nope\nkubectl version --client\n');
    expect(r.stderr).toContain('error: the server doesn\'t have a resource type "nope"');
    expect(r.stdout).toContain('Client Version: v1.32.4');
    expect(r.status).toBe(1);
  });

  it('reads the script from a file in the work folder and refuses bad kubelab flags', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelab-run-'));
    fs.writeFileSync(path.join(dir, 's.sh'), 'kubectl get deployments\n');
    const ok = spawnSync(process.execPath, [CLI, 'run', 's.sh', '--workdir', dir], { cwd: dir, encoding: 'utf8' });
    expect(ok.stderr).toBe('No resources found in default namespace.\n');
    expect(ok.status).toBe(0);
    const bad = kubelab(['run', '-', '--seed', 'x'], '');
    expect(bad.stderr).toBe('kubelab: --seed must be a whole number, got "x"\nRun "kubelab --help" for usage.\n');
    expect(bad.status).toBe(2);
  });
});
