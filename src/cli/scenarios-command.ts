/** `kubelab scenarios [--lang ko|en]`: the built-in lessons, one a line (headless). */
import { parseArgs } from 'node:util';
import { relative } from 'node:path';
import { listBuiltinScenarios, builtinScenariosDir } from '../lesson/scenario-loader.js';
import type { Lang } from '../lesson/scenario-types.js';
import { CliUsageError } from './usage.js';

/** Output streams of a headless subcommand (process streams by default). */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The process's own streams. */
export const PROCESS_IO: CliIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

/** Parses `--lang`; English by default. */
export function parseLang(value: string | undefined): Lang {
  if (value === undefined || value === 'en' || value === 'ko') return value ?? 'en';
  throw new CliUsageError(`--lang must be ko or en, got "${value}"`);
}

/**
 * Prints `ID  TITLE` for every valid built-in scenario, sorted by id. A built-in file that does
 * not validate is named on stderr and makes the exit status 1; the others are still listed.
 */
export function scenariosCommand(argv: string[], io: CliIo = PROCESS_IO, dir = builtinScenariosDir()): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: false, options: { lang: { type: 'string' } } });
  } catch (e) {
    throw new CliUsageError((e as Error).message);
  }
  const lang = parseLang(parsed.values.lang);
  const rows: [string, string][] = [];
  let status = 0;
  for (const b of listBuiltinScenarios(dir)) {
    if (b.result.scenario) rows.push([b.result.scenario.id, b.result.scenario.title[lang]]);
    else {
      status = 1;
      io.stderr(`kubelab: ${relative(process.cwd(), b.file) || b.file} has ${b.result.problems.length} problem(s); run "kubelab validate ${b.file}"\n`);
    }
  }
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const width = Math.max(2, ...rows.map((r) => r[0].length));
  io.stdout(`${'ID'.padEnd(width)}   ${lang === 'ko' ? '제목' : 'TITLE'}\n`);
  for (const [id, title] of rows) io.stdout(`${id.padEnd(width)}   ${title}\n`);
  return status;
}
