/**
 * curl's command line (src/tool_getparam.c, the options kubelab models): short options
 * bundle (`-sSf`, `-sSo out`), a short option's value may follow at once (`-ofile`,
 * `-w%{http_code}`), long options take `--opt value` or `--opt=value`; everything else is a URL.
 */

/** Parsed curl options. */
export interface CurlOptions {
  urls: string[];
  silent: boolean;
  showError: boolean;
  include: boolean;
  head: boolean;
  fail: boolean;
  verbose: boolean;
  location: boolean;
  output?: string;
  remoteName: boolean;
  writeOut?: string;
  maxTimeMs?: number;
  connectTimeoutMs?: number;
  method?: string;
  headers: string[];
  userAgent?: string;
  data?: string;
}

/** A usage error, printed as `curl: <message>` plus the try-help line, exit 2. */
export class CurlArgError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

type Kind = 'flag' | 'value';
const LONG: Record<string, { key: keyof CurlOptions | 'ignore'; kind: Kind }> = {
  silent: { key: 'silent', kind: 'flag' },
  'show-error': { key: 'showError', kind: 'flag' },
  include: { key: 'include', kind: 'flag' },
  head: { key: 'head', kind: 'flag' },
  fail: { key: 'fail', kind: 'flag' },
  'fail-with-body': { key: 'fail', kind: 'flag' },
  verbose: { key: 'verbose', kind: 'flag' },
  location: { key: 'location', kind: 'flag' },
  output: { key: 'output', kind: 'value' },
  'remote-name': { key: 'remoteName', kind: 'flag' },
  'write-out': { key: 'writeOut', kind: 'value' },
  'max-time': { key: 'maxTimeMs', kind: 'value' },
  'connect-timeout': { key: 'connectTimeoutMs', kind: 'value' },
  request: { key: 'method', kind: 'value' },
  header: { key: 'headers', kind: 'value' },
  'user-agent': { key: 'userAgent', kind: 'value' },
  data: { key: 'data', kind: 'value' },
  'data-raw': { key: 'data', kind: 'value' },
  'data-binary': { key: 'data', kind: 'value' },
  url: { key: 'urls', kind: 'value' },
  insecure: { key: 'ignore', kind: 'flag' },
  'no-progress-meter': { key: 'ignore', kind: 'flag' },
  'http1.1': { key: 'ignore', kind: 'flag' },
  ipv4: { key: 'ignore', kind: 'flag' },
  'no-buffer': { key: 'ignore', kind: 'flag' },
  'max-redirs': { key: 'ignore', kind: 'value' },
  retry: { key: 'ignore', kind: 'value' },
};

const SHORT: Record<string, string> = {
  s: 'silent', S: 'show-error', i: 'include', I: 'head', f: 'fail', v: 'verbose', L: 'location',
  o: 'output', O: 'remote-name', w: 'write-out', m: 'max-time', X: 'request', H: 'header',
  A: 'user-agent', d: 'data', k: 'insecure', '4': 'ipv4', N: 'no-buffer',
};

function seconds(option: string, text: string): number {
  if (!/^\d+(\.\d+)?$/.test(text)) throw new CurlArgError(`option ${option}: expected a proper numerical parameter`);
  return Math.round(Number(text) * 1000);
}

function set(opts: CurlOptions, name: string, value: string | undefined, shown: string): void {
  const spec = LONG[name];
  if (!spec) throw new CurlArgError(`option ${shown}: is unknown`);
  if (spec.key === 'ignore') return;
  if (spec.kind === 'flag') {
    (opts as unknown as Record<string, boolean>)[spec.key] = true;
    return;
  }
  const v = value!;
  switch (spec.key) {
    case 'maxTimeMs':
    case 'connectTimeoutMs':
      opts[spec.key] = seconds(shown, v);
      return;
    case 'headers':
      opts.headers.push(v);
      return;
    case 'urls':
      opts.urls.push(v);
      return;
    default:
      (opts as unknown as Record<string, string>)[spec.key] = v;
  }
}

/** Parses curl's arguments; throws CurlArgError. */
export function parseCurlArgs(args: readonly string[]): CurlOptions {
  const opts: CurlOptions = { urls: [], silent: false, showError: false, include: false, head: false, fail: false, verbose: false, location: false, remoteName: false, headers: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      const spec = LONG[name];
      if (!spec) throw new CurlArgError(`option ${a}: is unknown`);
      let value: string | undefined;
      if (spec.kind === 'value') {
        value = eq > 0 ? a.slice(eq + 1) : args[++i];
        if (value === undefined) throw new CurlArgError(`option ${a}: requires parameter`);
      }
      set(opts, name, value, `--${name}`);
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const name = SHORT[a[j]];
        if (!name) throw new CurlArgError(`option -${a.slice(j)}: is unknown`);
        if (LONG[name].kind === 'value') {
          const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (value === undefined) throw new CurlArgError(`option -${a[j]}: requires parameter`);
          set(opts, name, value, `-${a[j]}`);
          break;
        }
        set(opts, name, undefined, `-${a[j]}`);
      }
    } else opts.urls.push(a);
  }
  return opts;
}
