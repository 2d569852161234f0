// The second half of `npm run build`: after tsc has written dist/, esbuild replaces the three
// entry points with bundles, so a start reads a handful of files instead of ~250 modules
// (docs/decisions/0010-bundle.md has the measurements):
//   dist/cli/main.js                      the CLI (headless subcommands load nothing else)
//   dist/ui/run-tui.js                    the terminal UI, imported by `kubelab lesson`
//   dist/lesson/grade/grade-worker.js     a grading worker thread
// Code they share, and what main.js imports lazily (serve, lesson), goes to dist/cli/*-HASH.js.
// Chunks stay two levels below the package, as every module of dist/ is, so the paths the
// code derives from import.meta.url (the built-in scenarios, the grade worker) still hold.
// ink, react, just-bash and serve's packages stay outside: they are loaded from node_modules
// only when needed (ink must load after lesson-command.ts hides CI; just-bash on the first
// line that needs the full parser; ws and selfsigned for serve alone).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist');

/** Chunks of a previous bundle (their names change with their content). */
for (const f of fs.readdirSync(path.join(DIST, 'cli'))) {
  if (/-[A-Z0-9]{8}\.js$/.test(f)) fs.rmSync(path.join(DIST, 'cli', f));
}

const result = await build({
  absWorkingDir: ROOT,
  entryPoints: {
    'cli/main': 'src/cli/main.ts',
    'ui/run-tui': 'src/ui/run-tui.tsx',
    'lesson/grade/grade-worker': 'src/lesson/grade/grade-worker.ts',
  },
  outdir: DIST,
  bundle: true,
  splitting: true,
  chunkNames: 'cli/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  external: ['ink', 'ink/*', 'react', 'react/*', 'just-bash', 'ws', 'selfsigned'],
  // Bundled CommonJS packages (yaml, seedrandom) call require() for Node's own modules.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  logLevel: 'warning',
  metafile: true,
});

const outputs = Object.entries(result.metafile.outputs);
const bytes = outputs.reduce((n, [, o]) => n + o.bytes, 0);
process.stdout.write(`bundle: ${outputs.length} files, ${(bytes / 1024).toFixed(0)} KiB in dist/\n`);
