/**
 * Reads a submission from disk, and nothing outside it: a script file, a `session.jsonl`, or a
 * folder holding the student's files and `commands.sh` (or `session.jsonl`). A folder is walked
 * with lstat and symbolic links are never followed (a linked file is left out, with a note; a
 * linked commands file is refused), so a submission cannot make the grader read anything
 * beyond its own folder. Sizes are bounded. The files become the workspace the commands run
 * in, on top of the scenario's own files; the commands themselves are only ever data.
 */
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Localized } from '../scenario-types.js';
import type { SubmissionError, SubmissionKind } from './report-types.js';
import { parseSessionJsonl, scriptEntries, type SessionEntry } from './session-jsonl.js';

/** Bounds on what one submission folder may hold. */
export const SUBMISSION_LIMITS = { maxFiles: 500, maxBytes: 32 * 1024 * 1024, maxDepth: 16, maxCommandBytes: 2 * 1024 * 1024 };

/** A submission ready to replay. */
export interface LoadedSubmission {
  name: string;
  kind: SubmissionKind;
  entries: SessionEntry[];
  /** Workspace files by path relative to the folder (`/`-separated). */
  files: Record<string, Uint8Array>;
  notes: Localized[];
}

/** A submission, or why it cannot be graded. */
export type LoadOutcome = { ok: true; submission: LoadedSubmission } | { ok: false; kind?: SubmissionKind; error: SubmissionError };

/** Reads the submission at `path` (`name` is how reports show it). */
export function loadSubmission(path: string, name = path): LoadOutcome {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    return fail('unreadable', `${name}: no such file or folder.`, `${name}: 파일이나 폴더가 없습니다.`);
  }
  if (!isDir) {
    const kind: SubmissionKind = path.endsWith('.jsonl') ? 'session' : 'script';
    const text = readCommandFile(path, basename(path));
    if (!text.ok) return { ok: false, kind, error: text.error };
    return withEntries(name, kind, text.text, basename(path), {}, []);
  }
  const notes: Localized[] = [];
  const files: Record<string, Uint8Array> = {};
  const walked = walk(path, '', 0, files, notes, { count: 0, bytes: 0 });
  if (walked) return { ok: false, kind: 'folder', error: walked };
  const hasScript = isRegular(join(path, 'commands.sh'));
  const hasSession = isRegular(join(path, 'session.jsonl'));
  if (!hasScript && !hasSession) {
    for (const f of ['commands.sh', 'session.jsonl']) {
      if (lstatOrUndefined(join(path, f))?.isSymbolicLink()) {
        return fail('unsafe-path', `${name}/${f} is a symbolic link; the grader reads only real files inside the submission.`, `${name}/${f} 은 심볼릭 링크입니다. 채점기는 제출 폴더 안의 실제 파일만 읽습니다.`, 'folder');
      }
    }
    return fail('no-commands', `${name} has neither commands.sh nor session.jsonl.`, `${name} 에 commands.sh 도 session.jsonl 도 없습니다.`, 'folder');
  }
  const file = hasScript ? 'commands.sh' : 'session.jsonl';
  if (hasScript && hasSession) notes.push({ en: 'Both commands.sh and session.jsonl were found; commands.sh was graded.', ko: 'commands.sh 와 session.jsonl 이 모두 있어 commands.sh 로 채점했습니다.' });
  const text = decode(files[file], file);
  if (!text.ok) return { ok: false, kind: hasScript ? 'folder' : 'session', error: text.error };
  return withEntries(name, hasScript ? 'folder' : 'session', text.text, file, files, notes);
}

function withEntries(name: string, kind: SubmissionKind, text: string, file: string, files: Record<string, Uint8Array>, notes: Localized[]): LoadOutcome {
  const parsed = kind === 'session' || file.endsWith('.jsonl') ? parseSessionJsonl(text, file) : scriptEntries(text, file);
  if ('problem' in parsed) return { ok: false, kind, error: { code: 'malformed', message: parsed.problem } };
  return { ok: true, submission: { name, kind, entries: parsed.entries, files, notes } };
}

/** Walks a folder into `files`; returns an error that stops loading, or undefined. */
function walk(root: string, rel: string, depth: number, files: Record<string, Uint8Array>, notes: Localized[], total: { count: number; bytes: number }): SubmissionError | undefined {
  if (depth > SUBMISSION_LIMITS.maxDepth) return tooLarge(`folders nested deeper than ${SUBMISSION_LIMITS.maxDepth}`, `${SUBMISSION_LIMITS.maxDepth}단계보다 깊은 폴더`);
  let names: string[];
  try {
    names = readdirSync(join(root, rel)).sort();
  } catch {
    return { code: 'unreadable', message: { en: `The folder ${rel || '.'} cannot be read.`, ko: `${rel || '.'} 폴더를 읽을 수 없습니다.` } };
  }
  for (const n of names) {
    const relPath = rel === '' ? n : `${rel}/${n}`;
    const st = lstatOrUndefined(join(root, relPath));
    if (!st) continue;
    if (st.isSymbolicLink()) {
      notes.push({ en: `${relPath} is a symbolic link and was left out.`, ko: `${relPath} 은 심볼릭 링크라서 제외했습니다.` });
    } else if (st.isDirectory()) {
      if (n === '.git') continue;
      const err = walk(root, relPath, depth + 1, files, notes, total);
      if (err) return err;
    } else if (st.isFile()) {
      total.count++;
      total.bytes += st.size;
      if (total.count > SUBMISSION_LIMITS.maxFiles) return tooLarge(`more than ${SUBMISSION_LIMITS.maxFiles} files`, `파일 ${SUBMISSION_LIMITS.maxFiles}개 초과`);
      if (total.bytes > SUBMISSION_LIMITS.maxBytes) return tooLarge(`more than ${SUBMISSION_LIMITS.maxBytes / 1024 / 1024} MiB of files`, `파일 합계 ${SUBMISSION_LIMITS.maxBytes / 1024 / 1024} MiB 초과`);
      try {
        files[relPath] = new Uint8Array(readFileSync(join(root, relPath)));
      } catch {
        notes.push({ en: `${relPath} could not be read and was left out.`, ko: `${relPath} 을 읽을 수 없어 제외했습니다.` });
      }
    } else {
      notes.push({ en: `${relPath} is not a regular file and was left out.`, ko: `${relPath} 은 일반 파일이 아니라서 제외했습니다.` });
    }
  }
  return undefined;
}

function readCommandFile(path: string, file: string): { ok: true; text: string } | { ok: false; error: SubmissionError } {
  let bytes: Uint8Array;
  try {
    if (statSync(path).size > SUBMISSION_LIMITS.maxCommandBytes) return { ok: false, error: tooLarge(`${file} is larger than 2 MiB`, `${file} 이 2 MiB 보다 큼`) };
    bytes = new Uint8Array(readFileSync(path));
  } catch {
    return { ok: false, error: { code: 'unreadable', message: { en: `${file} cannot be read.`, ko: `${file} 을 읽을 수 없습니다.` } } };
  }
  return decode(bytes, file);
}

/** Text of a commands file; NUL bytes or invalid UTF-8 mean it is not a script. */
function decode(bytes: Uint8Array | undefined, file: string): { ok: true; text: string } | { ok: false; error: SubmissionError } {
  if (!bytes) return { ok: false, error: { code: 'unreadable', message: { en: `${file} cannot be read.`, ko: `${file} 을 읽을 수 없습니다.` } } };
  if (bytes.length > SUBMISSION_LIMITS.maxCommandBytes) return { ok: false, error: tooLarge(`${file} is larger than 2 MiB`, `${file} 이 2 MiB 보다 큼`) };
  const binary = { ok: false as const, error: { code: 'malformed' as const, message: { en: `${file} is a binary file, not text.`, ko: `${file} 은 텍스트가 아니라 바이너리 파일입니다.` } } };
  if (bytes.includes(0)) return binary;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return binary;
  }
}

function tooLarge(en: string, ko: string): SubmissionError {
  return { code: 'too-large', message: { en: `The submission is too large: ${en}.`, ko: `제출물이 너무 큽니다: ${ko}.` } };
}

function fail(code: SubmissionError['code'], en: string, ko: string, kind?: SubmissionKind): LoadOutcome {
  return { ok: false, kind, error: { code, message: { en, ko } } };
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function isRegular(path: string): boolean {
  return lstatOrUndefined(path)?.isFile() ?? false;
}
