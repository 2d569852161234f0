/**
 * The prompts kubelab's shells show, in one place: the transcript format recognises a command
 * by its prompt, and `--echo` prints it. The workstation shows `$ `; busybox's root shell
 * shows its working directory and `# ` (`/ # `, `/tmp # `); debian images' bash shows
 * `root@<pod>:<dir># `.
 */

/** The workstation prompt. */
export const WORKSTATION_PROMPT = '$ ';
/** The continuation prompt (PS2). */
export const CONTINUATION_PROMPT = '> ';

/** busybox sh's root prompt for a working directory. */
export function busyboxPrompt(cwd: string): string {
  return `${cwd} # `;
}

/** bash's root prompt in a debian image (`root@nginx-7c5ddbdf54-abcde:/# `). */
export function debianRootPrompt(host: string, cwd: string): string {
  return `root@${host}:${cwd}# `;
}

/**
 * Patterns of every known prompt at the start of a line (net/image-tools.ts shellPrompt makes
 * them): `$ `; busybox ash `/ # `, `/tmp # `, `~ # ` and a non-root user's `~ $ `; Debian
 * bash `root@pod:/# `; Alpine bash `pod:~# `. dash's bare `# ` is left out on purpose: it would
 * take `cat` output of a commented YAML file for commands.
 */
const PROMPT_PATTERNS: RegExp[] = [/^\$ /, /^(?:\/[^\s#$]*|~[^\s#$]*) [#$] /, /^[\w.-]+@[\w.-]+:[^\s#$]*[#$] /, /^[\w.-]+:[^\s#$]*# /];

/** The prompt a transcript line starts with, or undefined when it starts with none. */
export function leadingPrompt(line: string): string | undefined {
  for (const p of PROMPT_PATTERNS) {
    const m = p.exec(line);
    if (m) return m[0];
  }
  return undefined;
}
