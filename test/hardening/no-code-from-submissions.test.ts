/**
 * The grader never runs code from a submission (issue 8): no eval, no `new Function`, no node:vm,
 * no child processes anywhere in the grader, the shell, the workspace or the lesson code, and
 * every dynamic import or worker start is one of the few listed below, each loading kubelab's
 * own code from a fixed name, never a path or text that came from a submission.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOTS = ['src/lesson', 'src/shell', 'src/workspace', 'src/transcript', 'src/kubectl'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Code (comments and string contents left in: a false alarm is cheap, a miss is not). */
const FORBIDDEN: [string, RegExp][] = [
  ['eval', /(^|[^\w.$])eval\s*\(/],
  ['new Function', /new\s+Function\s*\(/],
  ['node:vm', /['"](node:)?vm['"]/],
  ['child_process', /child_process/],
  ['process.binding', /process\.binding/],
  ['require', /(^|[^\w.$])require\s*\(/],
];

/**
 * The only places that start a worker or import at run time, and why each is safe:
 * - worker-pool.ts `new Worker(file)`: `file` is kubelab's own grade-worker module (resolved next
 *   to worker-pool.js, or a test's `workerFile`); the submission goes to it as data in postMessage.
 * - grade-worker.ts `node:worker_threads`: only `parentPort`, to receive that data.
 * - shell/parse.ts `import('just-bash')`: a fixed package name; the parser it loads builds an
 *   AST from the submission's text, which kubelab's own interpreter walks (it never evaluates JS).
 * - kubectl/commands/explain.ts `import('../explain/schemas.js')`: kubelab's own schema table at a
 *   fixed path, loaded when `kubectl explain` first runs (it is off the start path).
 */
const ALLOWED: Record<string, RegExp[]> = {
  'src/lesson/grade/worker-pool.ts': [/import \{ Worker \} from 'node:worker_threads';/, /new Worker\(file, \{/],
  'src/lesson/grade/grade-worker.ts': [/import \{ parentPort \} from 'node:worker_threads';/],
  'src/shell/parse.ts': [/import\('just-bash'\)/],
  'src/kubectl/commands/explain.ts': [/await import\('\.\.\/explain\/schemas\.js'\)/],
};
const DYNAMIC = /worker_threads|new\s+Worker\s*\(|(^|[^\w.$])import\s*\(/;

describe('no submission is run as code', () => {
  const files = ROOTS.flatMap((r) => sources(r));
  test('there are sources to scan', () => {
    expect(files.length).toBeGreaterThan(50);
  });
  test('no eval, new Function, vm, child_process or require', () => {
    const hits: string[] = [];
    for (const f of files) {
      readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
        for (const [name, re] of FORBIDDEN) if (re.test(line)) hits.push(`${relative('.', f)}:${i + 1}: ${name}: ${line.trim()}`);
      });
    }
    expect(hits).toEqual([]);
  });
  test('every worker start and dynamic import is one of the listed, safe ones', () => {
    const hits: string[] = [];
    for (const f of files) {
      const rel = relative('.', f);
      readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
        if (!DYNAMIC.test(line) || line.trim().startsWith('*') || line.trim().startsWith('//')) return;
        if (!(ALLOWED[rel] ?? []).some((re) => re.test(line))) hits.push(`${rel}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(hits).toEqual([]);
  });
  test('the worker file is kubelab’s own module, not a submission path', () => {
    const pool = readFileSync('src/lesson/grade/worker-pool.ts', 'utf8');
    expect(pool).toMatch(/const file = pool\.workerFile \?\? defaultWorkerFile\(\);/);
    expect(pool).toMatch(/worker\.postMessage\(task\)/);
  });
});
