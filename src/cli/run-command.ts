/** `kubelab run <script|->`: a whole session from a script, headless. */
import fs from 'node:fs';
import { runSession, scriptLines, DEFAULT_THINK_MS } from '../session/run-session.js';
import { DiskFs } from '../workspace/disk-fs.js';
import { parseGoDuration } from '../kubectl/flags.js';
import { CliUsageError, parseCli } from './usage.js';

/** Runs `kubelab run` with its arguments; returns the exit status. */
export async function runCommand(argv: string[]): Promise<number> {
  // A lesson on a real cluster: the Kubernetes client is loaded only on this path.
  if (argv.some((a) => a === '--context' || a.startsWith('--context='))) return (await import('./run-context-command.js')).runContextCommand(argv);
  const parsed = parseCli(argv, {
        seed: { type: 'string' },
        workdir: { type: 'string' },
        echo: { type: 'boolean' },
        'think-time': { type: 'string' },
      });
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new CliUsageError('run takes exactly one script path, or - for standard input');
  const seed = values.seed ?? '1';
  if (!/^\d+$/.test(seed)) throw new CliUsageError(`--seed must be a whole number, got "${seed}"`);
  let thinkMs = DEFAULT_THINK_MS;
  if (values['think-time'] !== undefined) {
    const ms = parseGoDuration(values['think-time']);
    if (ms === undefined || ms < 0) throw new CliUsageError(`--think-time must be a duration such as 10s, got "${values['think-time']}"`);
    thinkMs = ms;
  }
  const workdir = values.workdir ?? process.cwd();
  if (!fs.existsSync(workdir) || !fs.statSync(workdir).isDirectory()) {
    throw new CliUsageError(`--workdir ${workdir}: no such folder`);
  }
  const source = positionals[0];
  let script: string;
  try {
    script = source === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(source, 'utf8');
  } catch {
    throw new CliUsageError(`cannot read script ${source}`);
  }
  return runSession(scriptLines(script), {
    seed: Number(seed),
    thinkMs,
    echo: values.echo ?? false,
    fs: new DiskFs(workdir),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  });
}
