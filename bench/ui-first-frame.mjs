// First-frame time of the TUI in a real pseudo-terminal (util-linux `script`), in one run:
// bare `node -e 0`, a bare ink hello-world, and `kubelab lesson hello-pods`. Each is timed
// from spawn to the first output that shows its marker (the pty is set to 100x40 with stty
// first, in every case); runs alternate; medians are printed.
// Usage: npm run build && node bench/ui-first-frame.mjs [runs]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 7);
const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelab-bench-'));
const cases = [
  { name: 'node -e (empty program)', cmd: `node -e "process.stdout.write('ready')"`, marker: 'ready' },
  { name: 'bare ink hello-world', cmd: 'node bench/ui-hello-ink.mjs', marker: 'Hello from ink' },
  { name: 'kubelab lesson hello-pods', cmd: `node dist/cli/main.js lesson hello-pods --lang en --workdir ${workdir}`, marker: 'step 1/2' },
];

function firstFrame(cmd, marker) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('script', ['-qfec', `stty cols 100 rows 40; ${cmd}`, '/dev/null'], { cwd: ROOT, detached: true, stdio: ['pipe', 'pipe', 'inherit'] });
    let seen = '';
    const timer = setTimeout(() => finish(new Error(`no "${marker}" after 20 s`)), 20_000);
    function finish(err, ms) {
      clearTimeout(timer);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
      err ? reject(err) : resolve(ms);
    }
    child.stdout.on('data', (d) => {
      seen += d.toString('utf8');
      if (seen.includes(marker)) finish(undefined, performance.now() - start);
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const times = cases.map(() => []);
for (let r = 0; r < runs; r++) {
  for (const [i, c] of cases.entries()) times[i].push(await firstFrame(c.cmd, c.marker));
}
const results = cases.map((c, i) => ({ name: c.name, medianMs: Math.round(median(times[i])), minMs: Math.round(Math.min(...times[i])) }));
console.log(JSON.stringify({ node: process.version, runs, results }, null, 2));
for (const r of results) console.log(`${r.name.padEnd(28)} median ${String(r.medianMs).padStart(5)} ms   min ${String(r.minMs).padStart(5)} ms`);
fs.rmSync(workdir, { recursive: true, force: true });
