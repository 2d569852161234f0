/**
 * nc, for what a student checks with it: `nc -z [-v] [-w SEC] HOST PORT` (is the port open?).
 * busybox words it `HOST (IP:PORT) open` / `nc: HOST (IP:PORT): Connection refused`; OpenBSD
 * netcat (netshoot) `Connection to HOST (IP) PORT port [tcp/http] succeeded!`. Without -z
 * (piping data through the connection) kubelab has no model and says so.
 */
import type { CommandFn } from '../types.js';
import { exchange, resolveFromPlace } from './http-client.js';
import { imageTools } from './image-tools.js';

const SERVICES: Record<string, string> = { '80': 'http', '443': 'https', '53': 'domain', '8080': 'http-alt' };

/** nc. */
export const nc: CommandFn = async (ctx) => {
  let zero = false;
  let verbose = false;
  let waitMs: number | undefined;
  const rest: string[] = [];
  for (let i = 0; i < ctx.args.length; i++) {
    const a = ctx.args[i];
    if (/^-[zvnw]+/.test(a) && a.startsWith('-')) {
      for (let j = 1; j < a.length; j++) {
        if (a[j] === 'z') zero = true;
        else if (a[j] === 'v') verbose = true;
        else if (a[j] === 'w') {
          const v = j + 1 < a.length ? a.slice(j + 1) : ctx.args[++i];
          waitMs = Number(v) * 1000;
          break;
        }
      }
    } else rest.push(a);
  }
  const openbsd = ctx.place.kind === 'container' && imageTools(ctx.place.image).nc === 'openbsd';
  const [host, port] = rest;
  if (!host || !port) {
    ctx.stderr(openbsd ? 'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n' : 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\n');
    return 1;
  }
  if (!zero) {
    ctx.stderr('kubelab: nc models only port checks (nc -z HOST PORT); use curl or wget for HTTP\n');
    return 1;
  }
  const ip = resolveFromPlace(ctx, host);
  if (!ip) {
    ctx.stderr(openbsd ? `nc: getaddrinfo for host "${host}" port ${port}: Name does not resolve\n` : `nc: bad address '${host}'\n`);
    return 1;
  }
  const outcome = await exchange(ctx, { url: `http://${host}:${port}/`, method: 'GET', connectOnly: true, connectTimeoutMs: waitMs });
  if (outcome.kind === 'interrupted') return 130;
  if (outcome.kind === 'response') {
    if (verbose || openbsd) {
      const line = openbsd ? `Connection to ${host} (${ip}) ${port} port [tcp/${SERVICES[port] ?? '*'}] succeeded!\n` : `${host} (${ip}:${port}) open\n`;
      if (verbose) ctx.stderr(line);
    }
    return 0;
  }
  const reason = outcome.kind === 'timeout' ? 'Connection timed out' : 'Connection refused';
  if (outcome.kind === 'timeout' && outcome.by !== 'kernel') {
    if (verbose) ctx.stderr(openbsd ? `nc: connect to ${host} (${ip}) port ${port} (tcp) timed out: Operation now in progress\n` : 'nc: timeout\n');
    return 1;
  }
  if (verbose || !openbsd) ctx.stderr(openbsd ? `nc: connect to ${host} (${ip}) port ${port} (tcp) failed: ${reason}\n` : `nc: ${host} (${ip}:${port}): ${reason}\n`);
  return 1;
};
