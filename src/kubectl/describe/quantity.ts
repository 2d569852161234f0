/**
 * resource.Quantity as describe prints it (`Quantity.String()`, the canonical form):
 * `0.1` → `100m`, `1024Mi` → `1Gi`, `2000m` → `2`, `512` → `512`. Values are held in
 * nano-units (BigInt) so sums are exact.
 */

/** A parsed quantity: its value in nano-units and the format its canonical form keeps. */
export interface Quantity {
  nanos: bigint;
  format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent';
}

const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** Parses `100m`, `1.5Gi`, `1e3`, `8`; undefined when it is not a quantity. */
export function parseQuantity(raw: string | number): Quantity | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/.exec(String(raw).trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const [, sign, int, frac = '', suffix = '', exp] = m;
  let nanos = BigInt(int || '0') * 10n ** 9n + BigInt((frac + '000000000').slice(0, 9) || '0');
  let format: Quantity['format'] = 'DecimalSI';
  if (exp !== undefined) {
    format = 'DecimalExponent';
    const e = Number(exp);
    nanos = e >= 0 ? nanos * 10n ** BigInt(e) : nanos / 10n ** BigInt(-e);
  } else if (suffix in BINARY) {
    format = 'BinarySI';
    nanos *= 1024n ** BigInt(BINARY[suffix]);
  } else {
    const e = DECIMAL[suffix];
    nanos = e >= 0 ? nanos * 10n ** BigInt(e) : nanos / 10n ** BigInt(-e);
  }
  return { nanos: sign === '-' ? -nanos : nanos, format };
}

/** Quantity.String(): the canonical text. */
export function formatQuantity(q: Quantity): string {
  const abs = q.nanos < 0n ? -q.nanos : q.nanos;
  const sign = q.nanos < 0n ? '-' : '';
  if (abs === 0n) return '0';
  const whole = abs % 10n ** 9n === 0n;
  if (q.format === 'BinarySI' && whole && abs / 10n ** 9n >= 1024n) {
    const bytes = abs / 10n ** 9n;
    let k = 0;
    let v = bytes;
    while (k < 6 && v % 1024n === 0n) {
      v /= 1024n;
      k++;
    }
    const suffix = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][k];
    return `${sign}${v}${suffix}`;
  }
  // Largest power-of-1000 exponent that keeps an integer mantissa.
  let e = 18;
  while (e > -9 && abs % 10n ** BigInt(e + 9) !== 0n) e -= 3;
  const mantissa = abs / 10n ** BigInt(e + 9);
  if (q.format === 'DecimalExponent') return `${sign}${mantissa}${e === 0 ? '' : `e${e}`}`;
  const suffix = Object.keys(DECIMAL).find((s) => DECIMAL[s] === e)!;
  return `${sign}${mantissa}${suffix}`;
}

/** The canonical text of a raw quantity (unparsable text is shown as given). */
export function quantityString(raw: string | number): string {
  const q = parseQuantity(raw);
  return q ? formatQuantity(q) : String(raw);
}

/** The sum of quantities, in the format of the first (Quantity.Add); zero when empty. */
export function sumQuantities(values: readonly Quantity[]): Quantity {
  if (values.length === 0) return { nanos: 0n, format: 'DecimalSI' };
  return { nanos: values.reduce((s, q) => s + q.nanos, 0n), format: values[0].format };
}
