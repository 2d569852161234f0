// The second half of `npm run build`: after tsc has written dist/, esbuild replaces the three
// entry points with bundles, so a start reads a handful of files instead of ~250 modules
// (docs/decisions/0010-bundle.md has the measurements):
//   dist/cli/main.js                      the CLI (headless subcommands load nothing else)
//   dist/ui/run-tui.js                    the terminal UI, imported by `kubelab lesson`
//   dist/lesson/grade/grade-worker.js     a grading worker thread
// Code they share, and what main.js imports lazily (serve, lesson), goes to dist/cli/*-HASH.js.
// Chunks stay two levels below the package, as every module of dist/ is, so the paths the
// code derives from import.meta.url (the built-in scenarios, the grade worker) still hold.
// Only the packages every start needs are bundled (yaml, seedrandom, xstate); every other one
// stays in node_modules, loaded when needed: ink after lesson-command.ts hides CI, and with it
// the one chalk whose level NO_COLOR sets; just-bash on the first line the fast parser cannot
// take; ws and selfsigned for serve; @kubernetes/client-node for grade --context.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
/** dist/, or the folder given (a bundle for comparison; it needs tsc's output only in dist/). */
const DIST = path.resolve(ROOT, process.argv[2] ?? 'dist');

/** Chunks of a previous bundle (their names change with their content). */
fs.mkdirSync(path.join(DIST, 'cli'), { recursive: true });
for (const f of fs.readdirSync(path.join(DIST, 'cli'))) {
  if (/-[A-Z0-9]{8}\.js$/.test(f)) fs.rmSync(path.join(DIST, 'cli', f));
}

/** Bare package imports outside this list are left as imports. */
const BUNDLED = new Set(['yaml', 'seedrandom', 'xstate']);
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { external: true };
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      return BUNDLED.has(name) || args.importer.includes('/node_modules/') ? undefined : { external: true };
    });
  },
};

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
  plugins: [externalPackages],
  // Bundled CommonJS packages (yaml, seedrandom) call require() for Node's own modules.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  logLevel: 'warning',
  metafile: true,
});

const outputs = Object.entries(result.metafile.outputs);
const bytes = outputs.reduce((n, [, o]) => n + o.bytes, 0);
process.stdout.write(`bundle: ${outputs.length} files, ${(bytes / 1024).toFixed(0)} KiB in ${path.relative(ROOT, DIST)}/\n`);
