/**
 * `vi`, `vim`, `nano` where no one can type into them (`kubelab run`, `grade`): they say so
 * plainly and fail, instead of hanging on a screen nobody sees. The TUI may bring its own.
 */
import type { CommandFn } from '../types.js';

/** An editor that is not available in a script. */
export const noEditor: CommandFn = (ctx) => {
  const file = ctx.args.find((a) => !a.startsWith('-') && !a.startsWith('+'));
  ctx.stderr(
    `${ctx.name}: no editor is available in kubelab run or grade: write ${file ?? 'the file'} with a heredoc ` +
      `(cat <<'EOF' > ${file ?? 'file.yaml'} ... EOF) or edit it in the workspace folder beforehand\n`,
  );
  return 1;
};

/** The editors, by name. */
export const EDITOR_STUBS: Record<string, CommandFn> = { vi: noEditor, vim: noEditor, nano: noEditor };
