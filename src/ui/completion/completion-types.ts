/**
 * What the completion engine reads and returns. The engine is pure: it reads the place the
 * prompt belongs to (its commands and files) and the cluster's store, and says which part of
 * the line to replace with which candidates; applying them is `applyCompletion`'s job.
 */
import type { Store } from '../../cluster/store.js';
import type { WorkspaceFs } from '../../workspace/workspace-fs.js';

/** One proposal for the word under the cursor. */
export interface Candidate {
  /** The whole word as it will stand in the line (escaped as bash would type it). */
  text: string;
  /** No space after it when it is the only one: a folder (`manifests/`) or `deployment/`. */
  noSpace?: boolean;
  /** How the candidate list shows it (a file's name without its folder); `text` otherwise. */
  display?: string;
}

/** The answer for one Tab: replace `line.slice(start, end)` by a candidate (or their common prefix). */
export interface Completion {
  start: number;
  end: number;
  /** Candidates that all begin with the word typed so far; empty when nothing fits. */
  candidates: Candidate[];
}

/** What completion may read at this prompt. */
export interface CompletionContext {
  /** Commands of the shell reading the line (the workstation's, or the pod shell's). */
  commandNames: readonly string[];
  /** That shell's files (the workspace, or the container's); undefined: no file completion. */
  fs: WorkspaceFs | undefined;
  /** The cluster's objects; undefined inside a pod, where kubectl is not at hand. */
  store: Store | undefined;
  /** kubectl's namespace when `-n` is not given. */
  namespace: string;
}
