/**
 * The pod-template-hash (kubernetes `pkg/controller/controller_utils.go` `ComputeHash`, and
 * apimachinery `pkg/util/rand/rand.go` `SafeEncodeString`).
 *
 * Upstream hashes a `spew` dump (`%#v`, sorted keys) of the typed Go `PodTemplateSpec` with
 * FNV-32a, then writes the collision count as 8 little-endian bytes, then encodes the decimal
 * uint32 with SafeEncodeString. The spew dump depends on the Go struct layout of k8s.io/api and
 * cannot be reproduced from JSON, so kubelab hashes a canonical JSON instead (keys sorted,
 * undefined dropped) of the same defaulted template. What is kept: FNV-32a, the collision-count
 * bytes, the decimal step and the alphabet, so a hash has the real shape (`[4-9bcdf]{1,10}`,
 * almost always 9 or 10 characters) and the same template always gives the same hash (undo
 * reuses the ReplicaSet's name; re-applying a deleted Deployment recreates the same names).
 */
import type { PodTemplateSpec } from './types.js';

/** The label the deployment controller adds to ReplicaSets and pods (apps/v1 DefaultDeploymentUniqueLabelKey). */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

/** apimachinery `util/rand` alphanums: no vowels, no 0, 1 or 3 ("bad words" avoidance). */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * `rand.SafeEncodeString`: each character `c` becomes `alphanums[c % 27]`. For the decimal digits
 * of a hash that is `0→4 1→5 2→6 3→7 4→8 5→9 6→b 7→c 8→d 9→f`, e.g. `"1234"` → `"5678"`.
 */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const ch of s) out += ALPHANUMS[ch.charCodeAt(0) % ALPHANUMS.length];
  return out;
}

/** FNV-1a 32-bit over bytes (Go `hash/fnv` New32a); `fnv32a(utf8("a"))` is 0xe40c292c. */
export function fnv32a(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** JSON with object keys sorted at every level and undefined members dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/**
 * `controller.ComputeHash(template, collisionCount)`: the pod-template-hash of a Deployment's
 * (defaulted) `spec.template`. A non-nil collision count is appended as 8 bytes, the uint32
 * little-endian then 4 zero bytes, exactly as upstream's `binary.LittleEndian.PutUint32(buf[0:8])`.
 */
export function computePodTemplateHash(template: PodTemplateSpec, collisionCount?: number): string {
  let h = fnv32a(new TextEncoder().encode(canonicalJson(template)));
  if (collisionCount !== undefined && collisionCount !== null) {
    const buf = new Uint8Array(8);
    new DataView(buf.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(buf, h);
  }
  return safeEncodeString(String(h));
}
