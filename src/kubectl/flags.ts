/**
 * Flag parsing as kubectl's cobra/pflag does it: `--flag=x`, `--flag x`, `-f x`, `-fx`,
 * `-f=x`, grouped boolean shorthands (`-it`), `--` ending flags, flags anywhere among the
 * arguments, and pflag's exact error texts.
 */

/** The value kinds kubelab's flags use (pflag types). */
export type FlagType = 'bool' | 'string' | 'int' | 'stringSlice' | 'stringArray' | 'duration';

/** One flag declaration. */
export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  default?: unknown;
  /** For `bool` flags given without a value, pflag's NoOptDefVal is "true". */
}

/** Parsed flags: values by long name, the positional arguments, and which flags were set. */
export interface ParsedFlags {
  values: Record<string, unknown>;
  args: string[];
  /** Arguments after `--` (kubectl run/exec use them as the command). */
  afterDash: string[];
  /** Whether `--` was present. */
  dashSeen: boolean;
  changed: Set<string>;
}

/** A flag error; kubectl prints `Error: <message>` then `See 'kubectl <cmd> --help' for usage.`. */
export class FlagError extends Error {}

/** Parses `argv` against the declared flags. Throws FlagError with pflag's message. */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): ParsedFlags {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const values: Record<string, unknown> = {};
  for (const s of specs) values[s.name] = defaultValue(s);
  const out: ParsedFlags = { values, args: [], afterDash: [], dashSeen: false, changed: new Set() };

  const set = (spec: FlagSpec, raw: string, shown: string) => {
    values[spec.name] = convert(spec, raw, shown, out.changed.has(spec.name) ? values[spec.name] : undefined);
    out.changed.add(spec.name);
  };

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.dashSeen = true;
      out.afterDash = argv.slice(i + 1);
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) set(spec, a.slice(eq + 1), `--${name}`);
      else if (spec.type === 'bool') set(spec, 'true', `--${name}`);
      else if (i + 1 < argv.length) set(spec, argv[++i], `--${name}`);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      // Shorthand group, as pflag's parseSingleShortArg: -it, -fvalue, -f value, -f=value.
      let shorts = a.slice(1);
      while (shorts.length > 0) {
        const c = shorts[0];
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in -${shorts}`);
        if (shorts.length > 2 && shorts[1] === '=') {
          set(spec, shorts.slice(2), `-${c}`);
          shorts = '';
        } else if (spec.type === 'bool') {
          set(spec, 'true', `-${c}`);
          shorts = shorts.slice(1);
        } else if (shorts.length > 1) {
          set(spec, shorts.slice(1), `-${c}`);
          shorts = '';
        } else if (i + 1 < argv.length) {
          set(spec, argv[++i], `-${c}`);
          shorts = '';
        } else {
          throw new FlagError(`flag needs an argument: '${c}' in -${shorts}`);
        }
      }
      continue;
    }
    out.args.push(a);
  }
  return out;
}

function defaultValue(s: FlagSpec): unknown {
  if (s.default !== undefined) return Array.isArray(s.default) ? [...s.default] : s.default;
  switch (s.type) {
    case 'bool':
      return false;
    case 'int':
      return 0;
    case 'stringSlice':
    case 'stringArray':
      return [];
    default:
      return '';
  }
}

function convert(spec: FlagSpec, raw: string, shown: string, previous: unknown): unknown {
  const bad = (why: string) => new FlagError(`invalid argument "${raw}" for "${flagLabel(spec, shown)}" flag: ${why}`);
  switch (spec.type) {
    case 'bool': {
      const v = parseGoBool(raw);
      if (v === undefined) throw bad(`strconv.ParseBool: parsing "${raw}": invalid syntax`);
      return v;
    }
    case 'int': {
      if (!/^[+-]?\d+$/.test(raw)) throw bad(`strconv.ParseInt: parsing "${raw}": invalid syntax`);
      const n = Number(raw);
      if (!Number.isSafeInteger(n) || Math.abs(n) > 2 ** 63) throw bad(`strconv.ParseInt: parsing "${raw}": value out of range`);
      return n;
    }
    case 'stringSlice': {
      const items = raw === '' ? [] : raw.split(',');
      return [...((previous as string[]) ?? []), ...items];
    }
    case 'stringArray':
      return [...((previous as string[]) ?? []), raw];
    case 'duration': {
      const ms = parseGoDuration(raw);
      if (ms === undefined) throw bad(`time: invalid duration "${raw}"`);
      return ms;
    }
    default:
      return raw;
  }
}

/** pflag names a flag `-n, --namespace` in errors when it has a shorthand. */
function flagLabel(spec: FlagSpec, _shown: string): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

/** Go's strconv.ParseBool. */
export function parseGoBool(raw: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(raw)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(raw)) return false;
  return undefined;
}

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's time.ParseDuration, in milliseconds (`90s`, `1m30s`, `0`); undefined if invalid. */
export function parseGoDuration(raw: string): number | undefined {
  if (raw === '0') return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;
  let sign = 1;
  let s = raw;
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s.startsWith('-') ? -1 : 1;
    s = s.slice(1);
  }
  if (s === '') return undefined;
  let total = 0;
  re.lastIndex = 0;
  while (re.lastIndex < s.length) {
    const m = re.exec(s);
    if (!m) return undefined;
    total += Number(m[1]) * UNIT_MS[m[2]];
  }
  return sign * total;
}
