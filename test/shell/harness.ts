/** A session over a memory workspace that records every write with the virtual time it happened at. */
import { Cluster } from '../../src/cluster/cluster.js';
import { TerminalSession, type TerminalSessionOptions } from '../../src/shell/session.js';
import { MemoryFs } from '../../src/workspace/memory-fs.js';

export interface Write {
  stream: 'out' | 'err';
  text: string;
  at: number;
}

/** A session and what it printed. */
export function makeSession(files: Record<string, string> = {}, opts: Partial<TerminalSessionOptions> = {}) {
  const cluster = new Cluster({ seed: 1 });
  const fs = new MemoryFs(files);
  const writes: Write[] = [];
  const session = new TerminalSession({
    cluster,
    fs,
    stdout: (text) => writes.push({ stream: 'out', text, at: cluster.clock.now() }),
    stderr: (text) => writes.push({ stream: 'err', text, at: cluster.clock.now() }),
    ...opts,
  });
  const out = () => writes.filter((w) => w.stream === 'out').map((w) => w.text).join('');
  const err = () => writes.filter((w) => w.stream === 'err').map((w) => w.text).join('');
  const all = () => writes.map((w) => w.text).join('');
  /** Feeds lines (a string with newlines) and returns the last status. */
  const run = async (text: string, signal?: AbortSignal) => {
    let status = 0;
    for (const line of text.split('\n')) {
      const r = await session.feed(line, signal);
      if (r.kind === 'ran') status = r.status;
    }
    const end = await session.finish(signal);
    if (end?.kind === 'ran') status = end.status;
    return status;
  };
  const clear = () => writes.splice(0);
  return { cluster, fs, session, writes, out, err, all, run, clear };
}
