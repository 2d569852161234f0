// Start-up as whole processes, against a bare `node -e ''` measured in the same run.
import path from 'node:path';
import { timeProcess } from './lib.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'dist/cli/main.js');

/** The start-up figures. */
export function startup() {
  const node = timeProcess(process.execPath, ['-e', '']);
  const blueGreen = timeProcess(process.execPath, [CLI, 'run', 'docs/examples/blue-green/session.sh', '--workdir', 'docs/examples/blue-green'], { cwd: ROOT });
  const rows = [
    { name: 'node -e "" (baseline)', value: node.ms, unit: 'ms' },
    { name: 'kubelab run blue/green lesson', value: blueGreen.ms, unit: 'ms', ratio: blueGreen.ms / node.ms, target: '≤ 4× node', met: blueGreen.ms / node.ms <= 4, rssMb: blueGreen.rssMb },
  ];
  const canary = path.join(ROOT, 'docs/examples/canary/loop-100.sh');
  try {
    const c = timeProcess(process.execPath, [CLI, 'run', canary, '--workdir', path.dirname(canary)], { cwd: ROOT });
    rows.push({ name: 'kubelab run canary, 100 loop iterations', value: c.ms, unit: 'ms', ratio: c.ms / node.ms, target: '≤ 5× node', met: c.ms / node.ms <= 5, rssMb: c.rssMb });
  } catch (e) {
    rows.push({ name: 'kubelab run canary, 100 loop iterations', value: NaN, unit: 'ms', target: '≤ 5× node', met: false, note: `not measured: ${String(e.message).split('\n')[0]}` });
  }
  return rows;
}
