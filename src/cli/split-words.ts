/**
 * Splits one command line into words the way a POSIX shell does for simple commands: single
 * and double quotes, backslash escapes, whitespace between words. Used by `kubelab run` for
 * lines that hold one command; pipelines, variables and redirections belong to src/shell.
 */

/** Thrown for an unterminated quote. */
export class SplitError extends Error {}

/** The words of a simple command line. */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new SplitError('unterminated quoted string');
      cur += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length && '"\\$`\n'.includes(line[i + 1])) i++;
        cur += line[i++];
      }
      if (i >= line.length) throw new SplitError('unterminated quoted string');
      inWord = true;
      i++;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[i + 1];
      inWord = true;
      i += 2;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
      i++;
    } else if (c === '#' && !inWord) {
      break;
    } else {
      cur += c;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(cur);
  return words;
}
