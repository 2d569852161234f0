/** kubelab's own usage text and usage errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how kubelab itself was called (exit 2). */
export class CliUsageError extends Error {}

/** node:util's parseArgs for a subcommand: positionals allowed, its errors as usage errors. */
export function parseCli<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (e) {
    throw new CliUsageError((e as Error).message);
  }
}

/** `kubelab --help`. */
export const USAGE = `kubelab: learn Kubernetes zero-downtime deployments on a simulated cluster.

Usage:
  kubelab run <script|-> [--seed N] [--workdir DIR] [--echo] [--think-time DURATION]
      Run the commands of a script (or standard input) against a fresh simulated
      cluster and print what kubectl prints. Files are read from --workdir
      (default: the current folder). Before each command the virtual clock moves
      by the think time (default 10s). Exit status: 0 if every command succeeded,
      otherwise the status of the last command that failed.

  kubelab run --context NAME [--kubeconfig FILE] --lesson <id|file> [--workdir DIR]
              [--keep-namespace] <script|->
      A lesson on a real cluster, headless: each line runs with the real shell
      and kubectl in the lesson's own namespace (kubelab-<id>, created by
      kubelab and deleted at the end), and the lesson's checks are evaluated
      through the Kubernetes API after each command. Exit status 0 when the
      lesson is completed. One line is one command (no heredocs, no kubectl
      run -it). The zero-downtime meter runs from a busybox pod of its own.

  kubelab scenarios [--lang ko|en]
      List the built-in scenarios: id and title.

  kubelab validate <scenario-file>... [--no-solutions] [--real-cluster]
      Check scenario files: each problem as file:line:column: message, or
      "file: ok". Reference solutions are played and must pass their own checks
      (skip with --no-solutions). Exit status 1 if any file has a problem.
      --real-cluster also lists the checks that cannot run on a real cluster
      (kubelab lesson/grade --context).

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

  kubelab lesson <id|file> --context NAME [--kubeconfig FILE] [--workdir DIR]
                 [--lang ko|en]
      The same lesson screen on a real cluster: each line runs with sh and the
      real kubectl in the lesson's own namespace (kubelab-<id>, created by
      kubelab and deleted when you leave, also on SIGINT/SIGTERM), its output
      shown as it is printed; the checks are read through the Kubernetes API.
      Time is the cluster's (no pause or speed), the live cluster and traffic
      panels are not available there, and one line is one command (no heredocs,
      no kubectl run -it). Files live in --workdir (default: a new temp folder).

  kubelab grade --scenario <id|file> [--format text|json|junit] [--seed N] [--jobs N]
                [--lang ko|en] [--time-limit SECONDS] [--shard I/N] <submission>...
      Replay each submission (a script, a folder with commands.sh, or a
      session.jsonl the terminal UI recorded) in a fresh lesson and report every
      step: passed or not and why, a score, the result. Exit status 0 only when
      every submission passes. See docs/grading.md.
      --shard I/N grades only shard I (from 0) of N: the submissions whose place
      in the sorted list of names is I modulo N (for a Kubernetes Indexed Job:
      --shard $JOB_COMPLETION_INDEX/N). See docs/scale-out.md.

  kubelab grade --context NAME [--kubeconfig FILE] [--namespace NS] [--step ID]
                [--format text|json|junit] [--lang ko|en] <scenario>
      Grade a live cluster (a kubeconfig context) against a step of the scenario
      (default: the last step of the path): its checks read the lesson's
      namespace (default kubelab-<scenario id>) through the Kubernetes API.
      Checks a cluster's state cannot show (commands run, files) are left out
      with a note. Traffic checks run in one short-lived busybox pod, deleted
      afterwards; nothing else is written to the cluster.

  kubelab grade merge [--format text|json|junit] [--lang ko|en] <report.json>...
      Merge the JSON reports of all N shards into the report of the whole batch,
      the same bytes an unsharded run prints. Exit status 2 if they do not fit.

  kubelab serve [--port N] [--seed N] [--kubeconfig FILE]
      Serve the simulated cluster's Kubernetes API on 127.0.0.1 (TLS, a bearer
      token) and write a kubeconfig, so the real kubectl or any client can use it.
      The cluster's clock follows the wall clock. Stop with Ctrl-C.
`;
