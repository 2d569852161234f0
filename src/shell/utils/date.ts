/**
 * date on the virtual clock, always in UTC: GNU's default `Tue Aug 19 09:00:10 UTC 2025`,
 * `+FORMAT` with the common strftime directives (plus GNU's %N, %s, %:z, `-`/`_`/`0`
 * padding flags), -u, -R, -I[date|hours|minutes|seconds], -d/--date with `@SECONDS` or an
 * ISO date. Not built: setting the date, -r, free-form dates (`yesterday`).
 */
import type { CommandContext } from '../types.js';
import { flavor, parseOpts, quoteLocale, reportOptError } from './common.js';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function pad(n: number, width: number, fill: string): string {
  const s = String(Math.abs(n)).padStart(width, fill);
  return n < 0 ? `-${s}` : s;
}

/** Formats a UTC instant (ms) with a strftime format as GNU date does. */
export function formatDate(ms: number, format: string): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear(), m = d.getUTCMonth(), day = d.getUTCDate();
  const H = d.getUTCHours(), M = d.getUTCMinutes(), S = d.getUTCSeconds(), w = d.getUTCDay();
  const yday = Math.floor((Date.UTC(Y, m, day) - Date.UTC(Y, 0, 1)) / 86400000) + 1;
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== '%' || i + 1 >= format.length) { out += c; continue; }
    let j = i + 1;
    let flag = '';
    if ('-_0^#'.includes(format[j])) flag = format[j++];
    let colons = '';
    while (format[j] === ':') colons += format[j++];
    const conv = format[j];
    // Numeric directives: default width and fill, which flags change.
    const num = (n: number, width: number, fill = '0'): string =>
      flag === '-' ? String(n) : flag === '_' ? pad(n, width, ' ') : flag === '0' ? pad(n, width, '0') : pad(n, width, fill);
    const text = (s: string): string => (flag === '^' ? s.toUpperCase() : flag === '#' ? s.toUpperCase() : s);
    let r: string | undefined;
    switch (conv) {
      case '%': r = '%'; break;
      case 'n': r = '\n'; break;
      case 't': r = '\t'; break;
      case 'a': r = text(DAYS[w].slice(0, 3)); break;
      case 'A': r = text(DAYS[w]); break;
      case 'b': case 'h': r = text(MONTHS[m].slice(0, 3)); break;
      case 'B': r = text(MONTHS[m]); break;
      case 'c': r = formatDate(ms, '%a %b %e %H:%M:%S %Y'); break;
      case 'C': r = num(Math.floor(Y / 100), 2); break;
      case 'd': r = num(day, 2); break;
      case 'D': r = formatDate(ms, '%m/%d/%y'); break;
      case 'e': r = num(day, 2, ' '); break;
      case 'F': r = formatDate(ms, '%Y-%m-%d'); break;
      case 'g': r = num(isoWeek(d).year % 100, 2); break;
      case 'G': r = num(isoWeek(d).year, 4); break;
      case 'H': r = num(H, 2); break;
      case 'I': r = num(H % 12 === 0 ? 12 : H % 12, 2); break;
      case 'j': r = num(yday, 3); break;
      case 'k': r = num(H, 2, ' '); break;
      case 'l': r = num(H % 12 === 0 ? 12 : H % 12, 2, ' '); break;
      case 'm': r = num(m + 1, 2); break;
      case 'M': r = num(M, 2); break;
      case 'N': r = String((((ms % 1000) + 1000) % 1000) * 1_000_000).padStart(9, '0'); break;
      case 'p': r = H < 12 ? 'AM' : 'PM'; break;
      case 'P': r = H < 12 ? 'am' : 'pm'; break;
      case 'r': r = formatDate(ms, '%I:%M:%S %p'); break;
      case 'R': r = formatDate(ms, '%H:%M'); break;
      case 's': r = String(Math.floor(ms / 1000)); break;
      case 'S': r = num(S, 2); break;
      case 'T': r = formatDate(ms, '%H:%M:%S'); break;
      case 'u': r = String(w === 0 ? 7 : w); break;
      case 'V': r = num(isoWeek(d).week, 2); break;
      case 'w': r = String(w); break;
      case 'x': r = formatDate(ms, '%m/%d/%y'); break;
      case 'X': r = formatDate(ms, '%H:%M:%S'); break;
      case 'y': r = num(Y % 100, 2); break;
      case 'Y': r = num(Y, 1); break;
      case 'z': r = colons === '' ? '+0000' : colons === ':' ? '+00:00' : colons === '::' ? '+00:00:00' : '+00'; break;
      case 'Z': r = 'UTC'; break;
    }
    if (r === undefined) { out += format.slice(i, j + 1); i = j; continue; }
    out += r;
    i = j;
  }
  return out;
}

function isoWeek(d: Date): { year: number; week: number } {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return { year: t.getUTCFullYear(), week: Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7) };
}

/** Reads a -d value: `@SECONDS`, or an ISO date/time (taken as UTC). */
function parseDateArg(s: string): number | undefined {
  const at = /^@(-?\d+(?:\.\d+)?)$/.exec(s.trim());
  if (at) return Math.round(Number(at[1]) * 1000);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?\s*(Z|UTC)?$/.exec(s.trim());
  if (!iso) return undefined;
  const [, y, mo, da, h = '0', mi = '0', se = '0'] = iso;
  return Date.UTC(Number(y), Number(mo) - 1, Number(da), Number(h), Number(mi), Number(se));
}

/** The date command. */
export function date(ctx: CommandContext): number {
  const args = ctx.args.map((a) => (a === '-I' || a.startsWith('-I') ? `--iso-8601=${a.slice(2) || 'date'}` : a));
  const parsed = parseOpts(args, {
    bool: 'uR',
    withValue: 'dI',
    long: { utc: 'u', universal: 'u', 'rfc-email': 'R', date: 'd', 'iso-8601': 'I' },
  });
  if ('kind' in parsed) return reportOptError(ctx, parsed, 1);
  let ms = ctx.time.now();
  const given = parsed.flags.get('d')?.at(-1);
  if (given !== undefined) {
    const v = parseDateArg(given);
    if (v === undefined) { ctx.stderr(`date: invalid date ${quoteLocale(given)}\n`); return 1; }
    ms = v;
  }
  const formats = parsed.operands.filter((o) => o.startsWith('+'));
  const others = parsed.operands.filter((o) => !o.startsWith('+'));
  if (others.length > 0) {
    // `date MMDDhhmm` sets the clock: the simulated clock belongs to the cluster.
    ctx.stderr(flavor(ctx) === 'busybox' ? `date: can't set date: Operation not permitted\n` : `date: cannot set date: Operation not permitted\n`);
    return 1;
  }
  if (formats.length > 1) {
    ctx.stderr(`date: extra operand ${quoteLocale(formats[1])}\nTry 'date --help' for more information.\n`);
    return 1;
  }
  let format = '%a %b %e %H:%M:%S %Z %Y';
  if (parsed.flags.has('R')) format = '%a, %d %b %Y %H:%M:%S %z';
  const iso = parsed.flags.get('I')?.at(-1);
  if (iso !== undefined) {
    const forms: Record<string, string> = {
      date: '%Y-%m-%d', hours: '%Y-%m-%dT%H%:z', minutes: '%Y-%m-%dT%H:%M%:z', seconds: '%Y-%m-%dT%H:%M:%S%:z', ns: '%Y-%m-%dT%H:%M:%S,%N%:z',
    };
    const key = Object.keys(forms).find((k) => k.startsWith(iso));
    if (key === undefined) { ctx.stderr(`date: invalid argument ${quoteLocale(iso)} for '--iso-8601'\n`); return 1; }
    format = forms[key];
  }
  if (formats.length === 1) format = formats[0].slice(1);
  ctx.stdout(`${formatDate(ms, format)}\n`);
  return 0;
}
