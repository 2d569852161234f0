/**
 * The version key of a pod: what tells the student which version answered. Lessons label
 * their pods `version: "1.14"` / `version: canary` (canary), `color: blue|green` (blue/green)
 * or `track: stable`; without such a label the ReplicaSet's `pod-template-hash` tells the
 * versions apart. Each key gets a letter and a colour that stay the same for the whole lesson,
 * so the cluster view, its legend and the traffic bars agree, with or without colour.
 */

/** Labels that name a version, in the order they are looked for. */
export const VERSION_LABELS = ['version', 'color', 'colour', 'track', 'app.kubernetes.io/version'] as const;

/** The label every ReplicaSet puts on its pods (the fallback key). */
export const TEMPLATE_HASH_LABEL = 'pod-template-hash';

/** A version key: the label it comes from and its value (`version=canary`). */
export interface VersionKey {
  label: string;
  value: string;
}

/** The key of a set of labels; undefined for a pod with none of the version labels and no hash. */
export function versionKeyOf(labels: Readonly<Record<string, string>> | undefined): VersionKey | undefined {
  if (!labels) return undefined;
  for (const label of VERSION_LABELS) {
    const value = labels[label];
    if (value !== undefined && value !== '') return { label, value };
  }
  const hash = labels[TEMPLATE_HASH_LABEL];
  return hash ? { label: TEMPLATE_HASH_LABEL, value: hash } : undefined;
}

/** `label=value`, as kubectl shows a label. */
export function keyText(key: VersionKey): string {
  return `${key.label}=${key.value}`;
}

/** Terminal colours a key may take (ink colour names). */
export type KeyColor = 'cyan' | 'magenta' | 'yellow' | 'blue' | 'green' | 'red' | 'white';

/** Colours handed out in turn to keys that do not name a colour themselves. */
const PALETTE: readonly KeyColor[] = ['cyan', 'magenta', 'yellow', 'blue', 'green', 'red'];

/** Key values that are colour names keep their colour (`color=blue` is blue). */
const NAMED: ReadonlySet<string> = new Set(['blue', 'green', 'red', 'yellow', 'cyan', 'magenta']);

/** What a key looks like: a one-character mark (a letter or digit) and a colour. */
export interface KeyStyle {
  mark: string;
  color: KeyColor;
}

/**
 * Hands out marks and colours to keys in the order they are first seen, and remembers them.
 * A key's mark is the first character of its value (B for blue, C for canary, 1 for 1.14)
 * unless another key has it; then the first free letter from A.
 */
export class KeyPalette {
  private readonly styles = new Map<string, KeyStyle>();
  private readonly marks = new Set<string>();
  private nextColor = 0;

  /** The style of a key (assigned now when the key is new). */
  styleOf(key: VersionKey): KeyStyle {
    const id = keyText(key);
    let style = this.styles.get(id);
    if (!style) {
      style = { mark: this.freeMark(key.value), color: this.colorFor(key.value) };
      this.styles.set(id, style);
      this.marks.add(style.mark);
    }
    return style;
  }

  private freeMark(value: string): string {
    const first = value.charAt(0).toUpperCase();
    if (/^[A-Z0-9]$/.test(first) && !this.marks.has(first)) return first;
    for (let c = 65; c <= 90; c++) {
      const letter = String.fromCharCode(c);
      if (!this.marks.has(letter)) return letter;
    }
    return '*';
  }

  private colorFor(value: string): KeyColor {
    const lower = value.toLowerCase();
    if (NAMED.has(lower)) return lower as KeyColor;
    const color = PALETTE[this.nextColor % PALETTE.length];
    this.nextColor++;
    return color;
  }
}
