/**
 * busybox wget (networking/wget.c, getopt `cqSO:P:Y:U:T:+`): `Connecting to HOST (IP:PORT)`,
 * `saving to 'F'` or `writing to stdout`, the final progress line on a terminal
 * (`%-20.20s%4u%% |***...| SIZE  0:00:00 ETA`), then `'F' saved` / `written to stdout`; all
 * on stderr, none with -q. Failures die with status 1: `wget: bad address 'x'`,
 * `wget: can't connect to remote host (IP): Connection refused`,
 * `wget: server returned error: HTTP/1.1 404 Not Found`, `wget: download timed out` (-T).
 * Without -O the file is created exclusively: `wget: can't open 'index.html': File exists`.
 */
import type { CommandContext, CommandFn } from '../types.js';
import { exchange, resolveFromPlace } from './http-client.js';

interface WgetOptions {
  quiet: boolean;
  serverResponse: boolean;
  spider: boolean;
  output?: string;
  prefix?: string;
  userAgent: string;
  timeoutMs: number;
  urls: string[];
}

const USAGE = `BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.

Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]
	[--post-data STR | --post-file FILE] [-Y on/off]
	[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...

Retrieve files via HTTP or FTP
`;

function parse(args: readonly string[]): WgetOptions | string {
  const o: WgetOptions = { quiet: false, serverResponse: false, spider: false, userAgent: 'Wget', timeoutMs: 900_000, urls: [] };
  const withValue = 'OPYUTto';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      const needs = ['output-document', 'directory-prefix', 'proxy', 'user-agent', 'timeout', 'tries', 'header', 'post-data'].includes(name);
      const value = needs ? (eq > 0 ? a.slice(eq + 1) : args[++i]) : undefined;
      if (needs && value === undefined) return `option '--${name}' requires an argument`;
      if (name === 'quiet') o.quiet = true;
      else if (name === 'server-response') o.serverResponse = true;
      else if (name === 'spider') o.spider = true;
      else if (name === 'output-document') o.output = value;
      else if (name === 'directory-prefix') o.prefix = value;
      else if (name === 'user-agent') o.userAgent = value!;
      else if (name === 'timeout') o.timeoutMs = Number(value) * 1000;
      else if (!['proxy', 'tries', 'header', 'post-data', 'no-check-certificate', 'continue', 'no-verbose', 'no-cache'].includes(name)) return `unrecognized option '--${name}'`;
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        if (withValue.includes(f)) {
          const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (value === undefined) return `option requires an argument -- '${f}'`;
          if (f === 'O') o.output = value;
          else if (f === 'P') o.prefix = value;
          else if (f === 'U') o.userAgent = value;
          else if (f === 'T') o.timeoutMs = Number(value) * 1000;
          break;
        }
        if (f === 'q') o.quiet = true;
        else if (f === 'S') o.serverResponse = true;
        else if (f === 'c' || f === 'n') continue;
        else return `invalid option -- '${f}'`;
      }
    } else o.urls.push(a);
  }
  return o;
}

/** busybox's progress line for a finished transfer (libbb/progress.c). */
export function progressLine(name: string, bytes: number): string {
  const size = bytes < 100_000 ? String(bytes) : bytes < 1024 * 1024 * 10 ? `${Math.round(bytes / 1024)}k` : `${(bytes / 1024 / 1024).toFixed(1)}M`;
  return `${name.padEnd(20).slice(0, 20)} 100% |${'*'.repeat(32)}| ${size.padStart(5)}  0:00:00 ETA\n`;
}

async function fetchOne(ctx: CommandContext, o: WgetOptions, url: string): Promise<number> {
  const withScheme = /^[a-z]+:\/\//i.test(url) ? url : `http://${url}`;
  const m = /^([a-z]+):\/\/([^/]*)(.*)$/i.exec(withScheme)!;
  const scheme = m[1].toLowerCase();
  if (scheme !== 'http' && scheme !== 'https' && scheme !== 'ftp') {
    ctx.stderr(`wget: not an http or ftp url: ${url}\n`);
    return 1;
  }
  const hostPort = m[2];
  const host = hostPort.replace(/:\d+$/, '');
  const port = /:(\d+)$/.exec(hostPort)?.[1] ?? (scheme === 'https' ? '443' : '80');
  const path = m[3] || '/';
  const ip = resolveFromPlace(ctx, host);
  if (!ip) {
    ctx.stderr(`wget: bad address '${host}'\n`);
    return 1;
  }
  if (!o.quiet) ctx.stderr(`Connecting to ${hostPort} (${ip}:${port})\n`);
  const outcome = await exchange(ctx, { url: withScheme, method: 'GET', userAgent: o.userAgent, connectTimeoutMs: o.timeoutMs });
  switch (outcome.kind) {
    case 'interrupted':
      return 130;
    case 'unresolved':
      ctx.stderr(`wget: bad address '${host}'\n`);
      return 1;
    case 'refused':
      ctx.stderr(`wget: can't connect to remote host (${ip}): Connection refused\n`);
      return 1;
    case 'timeout':
      ctx.stderr(outcome.by === 'kernel' ? `wget: can't connect to remote host (${ip}): Connection timed out\n` : 'wget: download timed out\n');
      return 1;
    case 'unsupported':
      ctx.stderr(`wget: not an http or ftp url: ${url}\n`);
      return 1;
    case 'response':
      break;
  }
  const r = outcome.result;
  if (scheme === 'https') {
    ctx.stderr('wget: TLS error from peer (alert code 80): 80\nwget: error getting response: Connection reset by peer\n');
    return 1;
  }
  if (o.serverResponse) {
    const lines = [`HTTP/1.1 ${r.status} ${r.statusText}`, ...r.headers.map(([n, v]) => `${n}: ${n === 'Connection' ? 'close' : v}`)];
    ctx.stderr(lines.map((l) => `  ${l}\n`).join(''));
  }
  if (![200, 201, 202, 203, 204, 300, 301, 302, 303].includes(r.status)) {
    ctx.stderr(`wget: server returned error: HTTP/1.1 ${r.status} ${r.statusText}\n`);
    return 1;
  }
  if (o.spider) {
    if (!o.quiet) ctx.stderr('remote file exists\n');
    return 0;
  }
  const toStdout = o.output === '-';
  let file = o.output;
  if (file === undefined) {
    const last = path.replace(/[?#].*$/, '').split('/').pop() ?? '';
    file = last === '' ? 'index.html' : last;
    if (o.prefix) file = `${o.prefix.replace(/\/+$/, '')}/${file}`;
    if (ctx.fs.stat(file) !== undefined) {
      ctx.stderr(`wget: can't open '${file}': File exists\n`);
      return 1;
    }
  }
  if (!o.quiet) ctx.stderr(toStdout ? 'writing to stdout\n' : `saving to '${file}'\n`);
  if (toStdout) ctx.stdout(r.body);
  else {
    try {
      ctx.fs.writeFile(file, r.body);
    } catch {
      ctx.stderr(`wget: can't open '${file}': No such file or directory\n`);
      return 1;
    }
  }
  if (!o.quiet) {
    ctx.stderr(progressLine(toStdout ? '-' : file.slice(file.lastIndexOf('/') + 1), Buffer.byteLength(r.body)));
    ctx.stderr(toStdout ? 'written to stdout\n' : `'${file}' saved\n`);
  }
  return 0;
}

/** busybox wget. */
export const wget: CommandFn = async (ctx) => {
  const o = parse(ctx.args);
  if (typeof o === 'string') {
    ctx.stderr(`wget: ${o}\n${USAGE}`);
    return 1;
  }
  if (o.urls.length === 0) {
    ctx.stderr(USAGE);
    return 1;
  }
  for (const url of o.urls) {
    const code = await fetchOne(ctx, o, url);
    // busybox dies on the first failure.
    if (code !== 0) return code;
  }
  return 0;
};
