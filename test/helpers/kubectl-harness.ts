/**
 * A test harness: a fresh cluster, an in-memory workspace, and `kubectl(line)` returning what
 * kubectl printed (stdout and stderr apart, and interleaved as a terminal shows them).
 */
import { Cluster } from '../../src/cluster/cluster.js';
import { splitWords } from '../../src/cli/split-words.js';
import { runKubectl } from '../../src/kubectl/kubectl.js';
import { MemoryFs } from '../../src/workspace/memory-fs.js';

/** What one command printed. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  /** stdout and stderr in the order written. */
  output: string;
  code: number;
}

/** Creates a harness with the given seed and workspace files. */
export function kubectlHarness(opts: { seed?: number | string; files?: Record<string, string> } = {}) {
  const cluster = new Cluster({ seed: opts.seed ?? 1 });
  const fs = new MemoryFs(opts.files ?? {});
  return {
    cluster,
    fs,
    /** Runs one `kubectl ...` line (the leading `kubectl` is optional). */
    async kubectl(line: string, stdin?: string): Promise<CommandResult> {
      const words = splitWords(line);
      if (words[0] === 'kubectl') words.shift();
      let stdout = '';
      let stderr = '';
      let output = '';
      const code = await runKubectl(words, {
        cluster,
        fs,
        stdin,
        stdout: (t) => {
          stdout += t;
          output += t;
        },
        stderr: (t) => {
          stderr += t;
          output += t;
        },
      });
      return { stdout, stderr, output, code };
    },
    /** Advances virtual time, e.g. to let pods start. */
    advance(seconds: number) {
      cluster.advance(seconds * 1000);
    },
  };
}
