/**
 * Replays a transcript's commands against a fresh cluster and in-memory workspace holding its
 * files, and returns the transcript with the outputs that were actually printed.
 */
import { runSession } from '../session/run-session.js';
import { MemoryFs } from '../workspace/memory-fs.js';
import type { Transcript } from './transcript.js';

/** Options of a replay. */
export interface ReplayOptions {
  /** Overrides the transcript's `@seed`. */
  seed?: string | number;
}

/** Runs the transcript and returns what happened, in transcript form. */
export async function replayTranscript(t: Transcript, opts: ReplayOptions = {}): Promise<Transcript> {
  const fs = new MemoryFs(t.files);
  const outputs: string[] = t.steps.map(() => '');
  const exits: number[] = t.steps.map(() => 0);
  let current = -1;
  const write = (text: string) => {
    if (current >= 0) outputs[current] += text;
  };
  await runSession(
    t.steps.map((s) => s.command),
    {
      seed: opts.seed ?? t.seed ?? 1,
      thinkMs: t.thinkMs,
      fs,
      stdout: write,
      stderr: write,
      onCommand: (i) => {
        current = i;
      },
      onExit: (i, code) => {
        exits[i] = code;
      },
    },
  );
  return {
    ...t,
    steps: t.steps.map((s, i) => ({ command: s.command, output: outputs[i], exit: exits[i] })),
  };
}
