// `npm run bench`: every figure with its target, as one table, and the same data as JSON
// under bench/results/. Figures are medians of wall time on this machine; compare ratios.
import fs from 'node:fs';
import path from 'node:path';
import { commandLatency } from './commands.mjs';
import { tabCompletion } from './completion.mjs';
import { machine } from './lib.mjs';
import { scale } from './scale.mjs';
import { startup } from './startup.mjs';
import { firstFrame, grading } from './ui-grading.mjs';

const only = process.argv[2];
const sections = { startup, ui: firstFrame, commands: async () => [...(await commandLatency()), ...(await tabCompletion())], grading, scale };
const rows = [];
for (const [name, fn] of Object.entries(sections)) {
  if (only && only !== name) continue;
  process.stderr.write(`bench: ${name}...\n`);
  for (const r of await fn()) rows.push({ section: name, ...r });
}

const fmt = (v) => (Number.isNaN(v) ? '—' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const lines = [['section', 'figure', 'value', 'ratio', 'target', 'met'].join('\t')];
for (const r of rows) {
  lines.push([r.section, r.name, `${fmt(r.value)} ${r.unit}${r.p99 !== undefined ? ` (p99 ${fmt(r.p99)})` : ''}`, r.ratio ? `${r.ratio.toFixed(2)}×` : '', r.target ?? '', `${r.met === undefined ? '' : r.met ? 'yes' : 'NO'}${r.note ? `${r.met === undefined ? '' : ' '}(${r.note})` : ''}`].join('\t'));
}
const widths = [];
for (const l of lines) l.split('\t').forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
const m = machine();
process.stdout.write(`kubelab benchmarks on ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}\n\n`);
process.stdout.write(lines.map((l) => l.split('\t').map((c, i) => c.padEnd(widths[i] + 2)).join('').trimEnd()).join('\n') + '\n');
fs.mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
const file = path.join(import.meta.dirname, 'results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(file, JSON.stringify({ machine: m, rows }, null, 2));
process.stdout.write(`\nwritten: ${path.relative(process.cwd(), file)}\n`);
