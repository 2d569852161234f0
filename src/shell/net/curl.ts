/**
 * curl (the options in curl-args.ts) over the cluster network: the body to stdout or `-o
 * FILE`, headers with `-i`/`-I` (CRLF, as on the wire), `-w` variables, `-f`, `-L`, `-v`
 * minimal; errors `curl: (N) ...` worded as the image's curl version words them (lib/connect.c
 * `Failed to connect to %s port %u after %ld ms: %s` from 7.87, `...: Connection refused`
 * before), hidden by `-s` unless `-S`. Exit codes: 6 resolve, 7 connect, 22 -f, 28 timeout.
 */
import type { CommandContext, CommandFn } from '../types.js';
import { CurlArgError, parseCurlArgs, type CurlOptions } from './curl-args.js';
import { exchange, headerBlock, type HttpOutcome } from './http-client.js';
import { imageTools, type CurlStyle } from './image-tools.js';
import { formatWriteOut, type TransferInfo } from './curl-write-out.js';

const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";

/** curl's version and style at this place (the workstation has a current curl). */
function curlFlavour(ctx: CommandContext): { version: string; style: CurlStyle } {
  if (ctx.place.kind === 'workstation') return { version: '8.15.0', style: 'modern' };
  return imageTools(ctx.place.image).curl ?? { version: '8.15.0', style: 'modern' };
}

/** The message and exit code of a failed transfer. */
function failure(outcome: HttpOutcome, style: CurlStyle): { code: number; message: string } | undefined {
  switch (outcome.kind) {
    case 'unresolved':
      return { code: 6, message: `Could not resolve host: ${outcome.target.host}` };
    case 'refused': {
      const { host, port } = outcome.target;
      return style === 'modern'
        ? { code: 7, message: `Failed to connect to ${host} port ${port} after ${outcome.elapsedMs} ms: Couldn't connect to server` }
        : { code: 7, message: `Failed to connect to ${host} port ${port}: Connection refused` };
    }
    case 'timeout': {
      const { host, port } = outcome.target;
      const ms = outcome.elapsedMs + 1;
      if (outcome.by === 'total' || (outcome.by === 'connect' && style === 'classic')) return { code: 28, message: `Connection timed out after ${ms} milliseconds` };
      if (outcome.by === 'connect') return { code: 28, message: `Failed to connect to ${host} port ${port} after ${ms} ms: Timeout was reached` };
      return style === 'modern'
        ? { code: 28, message: `Failed to connect to ${host} port ${port} after ${ms} ms: Couldn't connect to server` }
        : { code: 28, message: `Failed to connect to ${host} port ${port}: Connection timed out` };
    }
    case 'unsupported':
      return { code: 1, message: style === 'modern' ? `Protocol "${outcome.scheme}" not supported` : `Protocol "${outcome.scheme}" not supported or disabled in libcurl` };
    case 'interrupted':
      return undefined;
    case 'response':
      if (outcome.result.target.scheme === 'https') {
        // An HTTP server answering a TLS ClientHello: OpenSSL sees garbage as the record version.
        return { code: 35, message: style === 'modern' ? 'OpenSSL/3.5.1: error:0A00010B:SSL routines::wrong version number' : 'error:1408F10B:SSL routines:ssl3_get_record:wrong version number' };
      }
      return undefined;
  }
}

function userAgent(opts: CurlOptions, version: string): string | undefined {
  const header = opts.headers.find((h) => /^user-agent:/i.test(h));
  if (header !== undefined) return header.slice(header.indexOf(':') + 1).trim() || undefined;
  return opts.userAgent ?? `curl/${version}`;
}

async function transfer(ctx: CommandContext, opts: CurlOptions, url: string, flavour: { version: string; style: CurlStyle }, outFile: string | undefined): Promise<number> {
  const method = opts.method ?? (opts.head ? 'HEAD' : opts.data !== undefined ? 'POST' : 'GET');
  const showErrors = !opts.silent || opts.showError;
  let current = url;
  let redirects = 0;
  let outcome: HttpOutcome;
  for (;;) {
    outcome = await exchange(ctx, { url: current, method, userAgent: userAgent(opts, flavour.version), totalTimeoutMs: opts.maxTimeMs, connectTimeoutMs: opts.connectTimeoutMs });
    if (outcome.kind === 'interrupted') return 130;
    if (opts.verbose) verbose(ctx, outcome, method, flavour.version, opts);
    const location = outcome.kind === 'response' ? outcome.result.headers.find(([n]) => n === 'Location')?.[1] : undefined;
    if (!opts.location || !location || outcome.kind !== 'response' || outcome.result.status < 300 || outcome.result.status >= 400 || redirects >= 50) break;
    if (opts.include || opts.head) ctx.stdout(headerBlock(outcome.result));
    current = location;
    redirects++;
  }
  const info: TransferInfo = { outcome, url: current, method, redirects, exitCode: 0, errorMessage: '' };
  const failed = failure(outcome, flavour.style);
  if (!failed && outcome.kind === 'response') {
    const r = outcome.result;
    if (opts.fail && r.status >= 400) {
      info.exitCode = 22;
      info.errorMessage = flavour.style === 'modern' ? `The requested URL returned error: ${r.status}` : `The requested URL returned error: ${r.status} ${r.statusText}`;
    } else {
      const text = (opts.include || opts.head ? headerBlock(r) : '') + (opts.head ? '' : r.body);
      if (outFile !== undefined) {
        try {
          ctx.fs.writeFile(outFile, text);
        } catch {
          info.exitCode = 23;
          info.errorMessage = 'Failure writing output to destination';
        }
      } else ctx.stdout(text);
    }
  } else if (failed) {
    info.exitCode = failed.code;
    info.errorMessage = failed.message;
  }
  if (info.exitCode !== 0 && showErrors) ctx.stderr(`curl: (${info.exitCode}) ${info.errorMessage}\n`);
  if (opts.writeOut !== undefined) {
    const { stdout, stderr } = formatWriteOut(opts.writeOut, info);
    if (stdout) ctx.stdout(stdout);
    if (stderr) ctx.stderr(stderr);
  }
  return info.exitCode;
}

function verbose(ctx: CommandContext, outcome: HttpOutcome, method: string, version: string, opts: CurlOptions): void {
  if (outcome.kind === 'unresolved' || outcome.kind === 'unsupported' || outcome.kind === 'interrupted') return;
  const { host, port, path } = outcome.kind === 'response' ? outcome.result.target : outcome.target;
  const ip = outcome.remoteIp;
  ctx.stderr(`*   Trying ${ip}:${port}...\n`);
  if (outcome.kind !== 'response') return;
  const lines = [`* Connected to ${host} (${ip}) port ${port}`, `> ${method} ${path} HTTP/1.1`, `> Host: ${port === 80 ? host : `${host}:${port}`}`];
  const ua = userAgent(opts, version);
  if (ua !== undefined) lines.push(`> User-Agent: ${ua}`);
  lines.push('> Accept: */*', '> ');
  const r = outcome.result;
  lines.push(`< HTTP/1.1 ${r.status} ${r.statusText}`, ...r.headers.map(([n, v]) => `< ${n}: ${v}`), '< ');
  ctx.stderr(`${lines.join('\n')}\n`);
  ctx.stderr(`* Connection #0 to host ${host} left intact\n`);
}

/** curl. */
export const curl: CommandFn = async (ctx) => {
  let opts: CurlOptions;
  try {
    opts = parseCurlArgs(ctx.args);
  } catch (e) {
    if (!(e instanceof CurlArgError)) throw e;
    ctx.stderr(`curl: ${e.message}\n${TRY_HELP}`);
    return e.exitCode;
  }
  if (opts.urls.length === 0) {
    ctx.stderr(`curl: no URL specified\n${TRY_HELP}`);
    return 2;
  }
  const flavour = curlFlavour(ctx);
  let status = 0;
  for (const url of opts.urls) {
    let outFile = opts.output;
    if (opts.remoteName && outFile === undefined) {
      const name = url.replace(/[?#].*$/, '').split('/').slice(3).pop() ?? '';
      if (name === '') {
        ctx.stderr('curl: Remote file name has no length\n');
        status = 23;
        continue;
      }
      outFile = name;
    }
    const code = await transfer(ctx, opts, url, flavour, outFile);
    if (code === 130) return 130;
    if (code !== 0) status = code;
  }
  return status;
};
