/** kubelab's own usage text and usage errors. */

/** A mistake in how kubelab itself was called (exit 2). */
export class CliUsageError extends Error {}

/** `kubelab --help`. */
export const USAGE = `kubelab: learn Kubernetes zero-downtime deployments on a simulated cluster.

Usage:
  kubelab run <script|-> [--seed N] [--workdir DIR] [--echo] [--think-time DURATION]
      Run the commands of a script (or standard input) against a fresh simulated
      cluster and print what kubectl prints. Files are read from --workdir
      (default: the current folder). Before each command the virtual clock moves
      by the think time (default 10s). Exit status: 0 if every command succeeded,
      otherwise the status of the last command that failed.

  kubelab scenarios [--lang ko|en]
      List the built-in scenarios: id and title.

  kubelab validate <scenario-file>... [--no-solutions]
      Check scenario files: each problem as file:line:column: message, or
      "file: ok". Reference solutions are played and must pass their own checks
      (skip with --no-solutions). Exit status 1 if any file has a problem.

  kubelab [--lang ko|en]
      Choose a built-in lesson and start it in the terminal UI.

  kubelab lesson <id|file> [--lang ko|en] [--seed N] [--workdir DIR]
      A lesson in the terminal UI: the step's instructions, a terminal where the
      commands run on a simulated cluster in real time, hints and progress. Files
      live in --workdir (default: a new folder under the temp dir, holding the
      lesson's files); what you type is saved there as session.jsonl. --lang
      defaults to ko when LANG starts with ko, else en.
      Keys: Ctrl-T hint, Ctrl-X skip the step, Ctrl-P pause time, Ctrl-O speed
      (x1 x2 x5 x10), Ctrl-C interrupt, Ctrl-D or exit to leave; vi/vim/nano open
      the file in $EDITOR.

Not built yet:
  kubelab grade --scenario <id|file> <submission>...
  kubelab serve [--port N]      the Kubernetes HTTP API for the real kubectl
`;
