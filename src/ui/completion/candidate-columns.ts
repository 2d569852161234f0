/**
 * The candidate list of a second Tab, laid out as readline's `rl_display_match_list` prints
 * it: sorted, each column as wide as the longest name plus 2, as many columns as fit the
 * screen (one less when they would fill it exactly), filled top to bottom then left to right,
 * the last name of a row not padded. Wide (Hangul, CJK) characters count two columns.
 */
import type { Candidate } from './completion-types.js';

/** The rows readline prints for `candidates` on a screen `columns` wide. */
export function candidateRows(candidates: readonly Candidate[], columns: number): string[] {
  const names = [...new Set(candidates.map((c) => c.display ?? c.text))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (names.length === 0) return [];
  const width = Math.max(...names.map(displayWidth)) + 2;
  let perRow = Math.floor(columns / width);
  if (perRow !== 1 && perRow * width === columns) perRow--;
  if (perRow < 1) perRow = 1;
  const rows = Math.ceil(names.length / perRow);
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const i = r + c * rows;
      if (i >= names.length) break;
      line += names[i];
      if (c + 1 < perRow && i + rows < names.length) line += ' '.repeat(width - displayWidth(names[i]));
    }
    out.push(line);
  }
  return out;
}

/** Terminal columns a string takes: East Asian wide characters count 2. */
export function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return n;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}
