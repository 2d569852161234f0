/**
 * The text helpers of kubectl explain's plaintext template (kubectl pkg/explain/v2/funcs.go):
 * `wrap` (mitchellh/go-wordwrap v1.0.1 WrapString through term.NewWordWrapWriter) and `indent`.
 */

const NBSP = '\u00a0';

/** Go's unicode.IsSpace for the characters API descriptions contain. */
function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r' || c === '\u0085' || c === NBSP || /\s/u.test(c);
}

/**
 * wordwrap.WrapString: breaks at spaces so lines stay within `limit` runes; a word longer
 * than the limit stays whole; existing newlines are kept; trailing spaces past the limit dropped.
 */
export function wrapString(s: string, limit: number): string {
  let buf = '';
  let current = 0;
  let word = '';
  let space = '';
  let wordLen = 0;
  let spaceLen = 0;
  for (const c of s) {
    if (c === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen > limit) current = 0;
        else buf += space;
      } else buf += space + word;
      space = '';
      spaceLen = 0;
      word = '';
      wordLen = 0;
      buf += c;
      current = 0;
    } else if (isSpace(c) && c !== NBSP) {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        buf += space + word;
        space = '';
        spaceLen = 0;
        word = '';
        wordLen = 0;
      }
      space += c;
      spaceLen++;
    } else {
      word += c;
      wordLen++;
      if (current + spaceLen + wordLen > limit && wordLen < limit) {
        buf += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= limit) buf += space;
  } else buf += space + word;
  return buf;
}

/** The template's `indent N`: pads the first line and every line after a newline. */
export function indent(amount: number, text: string): string {
  const pad = ' '.repeat(amount);
  return pad + text.split('\n').join(`\n${pad}`);
}
