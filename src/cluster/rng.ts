/**
 * Seeded randomness. One seed makes one tree: each consumer forks its own stream by name
 * (`rng.fork('pod-names')`), so adding a consumer never shifts another's numbers.
 * This and clock.ts are the only modules allowed randomness.
 */
import { randomBytes } from 'node:crypto';
import seedrandom from 'seedrandom';

/** The alphabet of apimachinery `util/rand` (no vowels, no 0/1/3): pod suffixes and hashes. */
export const K8S_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** A named, seeded random stream. */
export class Rng {
  private readonly prng: seedrandom.PRNG;

  constructor(readonly seed: string | number, readonly path = 'root') {
    this.prng = seedrandom(`${seed}/${path}`);
  }

  /** An independent stream for `name`, fixed by the seed and the name only. */
  fork(name: string): Rng {
    return new Rng(this.seed, `${this.path}/${name}`);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.prng();
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.prng() * n);
  }

  /** An integer in [min, max] inclusive. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** `length` characters drawn from `alphabet` (apimachinery's `rand.String` for the default). */
  string(length: number, alphabet = K8S_ALPHANUMS): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  /** Lower-case hex digits, e.g. for container IDs and image digests. */
  hex(length: number): string {
    return this.string(length, '0123456789abcdef');
  }
}

/**
 * A secret for `kubelab serve`'s bearer token: the one unseeded random value in kubelab, kept
 * here with the seeded ones. It guards the port and never reaches a simulation.
 */
export function secretToken(): string {
  return randomBytes(24).toString('base64url');
}
