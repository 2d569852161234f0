/**
 * `kubectl exec` and `kubectl attach` (so `run -it`) against `kubelab serve`: the WebSocket
 * side of client-go's remotecommand (`v5.channel.k8s.io`, see
 * ../shared/notes/kubectl-api-needs.md §7). Each binary message starts with its channel:
 * 0 stdin, 1 stdout, 2 stderr, 3 the final metav1.Status, 4 resize. Behind it runs the same
 * container shell as in kubelab's own terminal, with a small line discipline for a tty
 * (echo, backspace, Ctrl-C, Ctrl-D, CR/LF) since kubectl sends raw keystrokes.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Cluster } from '../cluster/cluster.js';
import type { RealTimeDriver } from '../cluster/clock.js';
import type { Pod } from '../cluster/types.js';
import { realTime } from '../shell/real-time.js';
import { TerminalSession } from '../shell/session.js';
import { MemoryFs } from '../workspace/memory-fs.js';
import { LineDiscipline } from './line-discipline.js';

const PROTOCOL = 'v5.channel.k8s.io';
const PATH = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/(attach|exec)$/;

/** Handles WebSocket upgrades for attach and exec; returns false for other paths. */
export function handleUpgrade(cluster: Cluster, driver: Pick<RealTimeDriver, 'tick'>, req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const m = PATH.exec(url.pathname);
  if (!m) return false;
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => (protocols.has(PROTOCOL) ? PROTOCOL : false) });
  wss.handleUpgrade(req, socket, head, (ws) => {
    void session(cluster, driver, ws, decodeURIComponent(m[1]), decodeURIComponent(m[2]), m[3] as 'attach' | 'exec', url.searchParams).finally(() => wss.close());
  });
  return true;
}

function send(ws: WebSocket, channel: number, text: string): void {
  if (ws.readyState !== ws.OPEN) return;
  ws.send(Buffer.concat([Buffer.from([channel]), Buffer.from(text, 'utf8')]));
}

function finalStatus(code: number): string {
  if (code === 0) return JSON.stringify({ metadata: {}, status: 'Success' });
  return JSON.stringify({
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: exit status ${code}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  });
}

async function session(cluster: Cluster, driver: Pick<RealTimeDriver, 'tick'>, ws: WebSocket, namespace: string, name: string, verb: 'attach' | 'exec', query: URLSearchParams): Promise<void> {
  const pod = cluster.store.peek<Pod>('Pod', namespace, name);
  const container = query.get('container') || pod?.spec.containers[0]?.name || '';
  const spec = pod?.spec.containers.find((c) => c.name === container);
  if (!pod || !spec || pod.status?.phase !== 'Running') {
    send(ws, 3, JSON.stringify({ metadata: {}, status: 'Failure', message: pod ? `container ${container} is not running` : `pods "${name}" not found`, reason: pod ? 'BadRequest' : 'NotFound' }));
    ws.close(1000);
    return;
  }
  const tty = query.get('tty') === 'true';
  const crlf = (t: string) => (tty ? t.replace(/\r?\n/g, '\r\n') : t);
  const terminal = new TerminalSession({
    cluster,
    fs: new MemoryFs({}),
    time: realTime(cluster, driver),
    limits: { lineBudgetMs: undefined },
    stdout: (t) => send(ws, 1, crlf(t)),
    stderr: (t) => send(ws, tty ? 1 : 2, crlf(t)),
  });
  let exitCode = 0;
  let ended = false;
  const end = (code: number) => {
    if (ended) return;
    ended = true;
    // The attached shell was the container's main process: it is gone now, so the pod
    // restarts it or finishes, and `kubectl run --rm` sees it complete.
    if (verb === 'attach') cluster.endMainProcess(pod, container, code);
    send(ws, 3, finalStatus(code));
    ws.close(1000);
  };
  const command = query.getAll('command');
  const shellProgram = verb === 'attach' ? 'sh' : command[0] ?? 'sh';
  terminal.enterContainer({ namespace, pod: name, container, image: spec.image ?? '' }, { shell: shellProgram, onExit: (code) => void (exitCode = code) });
  await terminal.ready();

  const interactive = verb === 'attach' || (command.length === 1 && /(^|\/)(sh|bash|ash)$/.test(command[0]));
  if (!interactive) {
    // One command, then the status: `sh -c SCRIPT` runs SCRIPT, anything else runs as typed.
    const line = /(^|\/)(sh|bash|ash)$/.test(command[0] ?? '') && command[1] === '-c' ? command[2] ?? '' : command.map(quote).join(' ');
    const r = await terminal.feed(line);
    const done = r.kind === 'more' ? await terminal.finish() : r;
    end(done && done.kind === 'ran' ? done.status : 0);
    return;
  }
  const discipline = new LineDiscipline({
    tty,
    echo: (t) => send(ws, 1, t),
    prompt: () => terminal.prompt(),
    run: async (line, signal) => {
      const r = await terminal.feed(line, signal);
      if (terminal.depth() === 0) end(exitCode);
      return r.kind === 'more';
    },
    eof: async () => {
      await terminal.feed('exit');
      end(exitCode);
    },
  });
  if (verb === 'exec') discipline.showPrompt();
  ws.on('message', (data: Buffer) => {
    if (data.length === 0) return;
    const channel = data[0];
    if (channel === 0) discipline.input(data.subarray(1).toString('utf8'));
    else if (channel === 255 && data[1] === 0) void discipline.close();
  });
  await new Promise<void>((resolve) => ws.on('close', () => resolve()));
  discipline.abort();
}

function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
