#!/usr/bin/env node
/**
 * The `kubelab` command: one function per subcommand. Headless subcommands (`run`, `grade`,
 * `validate`, `scenarios`) never import ink or react; the TUI is loaded lazily when asked for.
 * Each subcommand's module is imported when it runs, so a start evaluates only what it needs.
 */
import { USAGE, CliUsageError } from './usage.js';

/** Runs the CLI and returns the process exit status. */
export async function main(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  try {
    switch (sub) {
      case 'run':
        return await (await import('./run-command.js')).runCommand(rest);
      case 'scenarios':
        return (await import('./scenarios-command.js')).scenariosCommand(rest);
      case 'validate':
        return await (await import('./validate-command.js')).validateCommand(rest);
      case 'grade':
        return await (await import('./grade-command.js')).gradeCommand(rest);
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(USAGE);
        return 0;
      case '--version':
      case 'version':
        process.stdout.write('kubelab 0.1.0 (simulating Kubernetes v1.32, kubectl v1.32.4)\n');
        return 0;
      case 'serve':
        return await (await import('./serve-command.js')).serveCommand(rest);
      case 'lesson':
        // The TUI (ink, react) is loaded only here.
        return await (await import('./lesson-command.js')).lessonCommand(rest, false);
      case undefined:
        // The TUI (ink, react) is loaded only here.
        return await (await import('./lesson-command.js')).lessonCommand(rest, sub === undefined);
      case '--lang':
      case '--seed':
      case '--workdir':
        return await (await import('./lesson-command.js')).lessonCommand(argv, true);
      default:
        throw new CliUsageError(`unknown command "${sub}"`);
    }
  } catch (err) {
    if (err instanceof CliUsageError) {
      process.stderr.write(`kubelab: ${err.message}\nRun "kubelab --help" for usage.\n`);
      return 2;
    }
    const what = err instanceof Error ? err.message : String(err);
    process.stderr.write(`kubelab: internal error: ${what}\n`);
    return 70;
  }
}

/**
 * A reader that goes away (`kubelab run script | head -1`) ends kubelab quietly, as SIGPIPE
 * ends a Unix tool (status 141), instead of an unhandled EPIPE and its stack trace.
 */
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(141);
    process.stderr.write(`kubelab: internal error: ${err.message}\n`);
    process.exit(70);
  });
}

const code = await main(process.argv.slice(2));
process.exitCode = code;
