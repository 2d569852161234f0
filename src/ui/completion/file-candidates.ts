/**
 * File names as readline's filename completion proposes them: the entries of the folder the
 * word names (`manifests/bl` looks in `manifests/` for names starting `bl`), folders with a
 * trailing `/` and no space after, files with a space; dotfiles too (readline's
 * `match-hidden-files` is on by default). The list shows names without their folder, as bash
 * shows them.
 */
import { normalizePath, type WorkspaceFs } from '../../workspace/workspace-fs.js';
import type { Candidate } from './completion-types.js';
import { escapeWord } from './shell-words.js';

/** Which entries to propose. */
export interface FileFilter {
  /** Only folders (`cd`). */
  dirsOnly?: boolean;
  /** Files must end with one of these (kubectl `-f`: `.json`, `.yaml`, `.yml`); folders always pass. */
  extensions?: readonly string[];
}

/** Workspace entries completing `word`; none when the folder does not exist or cannot be read. */
export function fileCandidates(fs: WorkspaceFs | undefined, word: string, filter: FileFilter = {}): Candidate[] {
  if (!fs) return [];
  const slash = word.lastIndexOf('/');
  const folder = slash >= 0 ? word.slice(0, slash + 1) : '';
  const prefix = word.slice(slash + 1);
  let names: string[];
  let dir: string;
  try {
    dir = normalizePath(fs.cwd(), folder === '' ? '.' : folder);
    names = fs.readDir(dir);
  } catch {
    return [];
  }
  const out: Candidate[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const kind = kindOf(fs, `${dir === '/' ? '' : dir}/${name}`);
    if (kind === 'dir') {
      out.push({ text: `${folder}${escapeWord(name)}/`, noSpace: true, display: `${name}/` });
    } else if (!filter.dirsOnly && (!filter.extensions || filter.extensions.some((e) => name.endsWith(`.${e}`)))) {
      out.push({ text: `${folder}${escapeWord(name)}`, display: name });
    }
  }
  return out;
}

function kindOf(fs: WorkspaceFs, path: string): 'file' | 'dir' | undefined {
  try {
    return fs.stat(path);
  } catch {
    return undefined;
  }
}
