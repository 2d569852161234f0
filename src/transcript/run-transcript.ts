/**
 * Replays a transcript's commands against a fresh cluster and in-memory workspace holding its
 * files, and returns the transcript with the outputs that were actually printed.
 */
import { Cluster } from '../cluster/cluster.js';
import { runSession } from '../session/run-session.js';
import { MemoryFs } from '../workspace/memory-fs.js';
import type { Transcript } from './transcript.js';

/** Options of a replay. */
export interface ReplayOptions {
  /** Overrides the transcript's `@seed`. */
  seed?: string | number;
}

/** What a replay returns: the transcript as it ran, and what each command changed. */
export interface Replay extends Transcript {
  /** Per step: whether the API server's resourceVersion moved while the command ran. */
  changedCluster: boolean[];
}

/** Runs the transcript and returns what happened, in transcript form. */
export async function replayTranscript(t: Transcript, opts: ReplayOptions = {}): Promise<Replay> {
  const fs = new MemoryFs(t.files);
  const cluster = new Cluster({ seed: opts.seed ?? t.seed ?? 1 });
  const outputs: string[] = t.steps.map(() => '');
  const exits: number[] = t.steps.map(() => 0);
  const prompts: string[] = t.steps.map(() => '$ ');
  const changed: boolean[] = t.steps.map(() => false);
  let rvBefore = '';
  let current = -1;
  const write = (text: string) => {
    if (current >= 0 && current < outputs.length) outputs[current] += text;
  };
  await runSession(
    t.steps.map((s) => s.command),
    {
      cluster,
      thinkMs: t.thinkMs,
      limits: t.lineBudgetMs === undefined ? undefined : { lineBudgetMs: t.lineBudgetMs },
      fs,
      stdout: write,
      stderr: write,
      onCommand: (i, _line, prompt) => {
        current = i;
        if (i < prompts.length) prompts[i] = prompt;
        rvBefore = cluster.store.resourceVersion();
      },
      onExit: (i, code) => {
        exits[i] = code;
        changed[i] = cluster.store.resourceVersion() !== rvBefore;
      },
    },
  );
  return {
    ...t,
    steps: t.steps.map((s, i) => ({
      command: s.command,
      ...(prompts[i] !== '$ ' ? { prompt: prompts[i] } : {}),
      output: outputs[i],
      exit: exits[i],
    })),
    changedCluster: changed,
  };
}
