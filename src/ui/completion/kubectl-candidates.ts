/**
 * What kubectl's own completion (`kubectl __complete`, cobra's ValidArgsFunction of each verb)
 * proposes for the word under the cursor, over kubelab's commands and store: verbs, then
 * subverbs (`rollout <Tab>`), flags for `-`/`--` (from the parser's declarations), flag values
 * (`-n` namespaces, `-o` formats, `-f` manifests and folders, other flags' values as files, as
 * bash's default completion gives them), and per verb resource types then object names in the
 * namespace (`-n` honoured), `TYPE/NAME` forms, pods for `logs`/`exec`. Where kubectl lists
 * kinds kubelab does not serve (daemonsets, statefulsets, ...), only the served ones are proposed.
 */
import { RESOURCE_TYPES, resolveResource } from '../../cluster/resources.js';
import { COMMANDS } from '../../kubectl/commands/index.js';
import type { FlagSpec } from '../../kubectl/flags.js';
import { OUTPUT_FORMAT_NAMES } from '../../kubectl/get/generic.js';
import type { Pod } from '../../cluster/types.js';
import type { Candidate, CompletionContext } from './completion-types.js';
import { fileCandidates } from './file-candidates.js';
import { readKubectlWords, type KubectlWords } from './kubectl-words.js';
import { namespaceNames, objectNames, slashNameCandidates, typesOf, wordCandidates } from './resource-candidates.js';

/** Files kubectl's `-f` completion filters for (cobra's ShellCompDirectiveFilterFileExt). */
const MANIFEST_EXTENSIONS = ['json', 'yaml', 'yml'];

/** How a verb's positional arguments complete. */
interface ArgRule {
  /** Types proposed first, as words (`deployment`) or plurals; undefined: every served type's plural. */
  types?: readonly string[];
  /** `logs`/`exec`: pod names and `TYPE/` prefixes instead of types. */
  pods?: boolean;
}

/** Every served type: `get`, `describe`, `delete`, `label`, `annotate`, `patch`. */
const ANY: ArgRule = {};

/** Verb → rule, by command path (kubectl's completion registrations, narrowed to served kinds). */
const RULES: Record<string, ArgRule> = {
  get: ANY,
  describe: ANY,
  delete: ANY,
  label: ANY,
  annotate: ANY,
  patch: ANY,
  scale: { types: ['deployment', 'replicaset'] },
  expose: { types: ['pod', 'service', 'deployment', 'replicaset'] },
  'set image': { types: ['deployments', 'pods', 'replicasets'] },
  'rollout history': { types: ['deployment'] },
  'rollout pause': { types: ['deployment'] },
  'rollout restart': { types: ['deployment'] },
  'rollout resume': { types: ['deployment'] },
  'rollout status': { types: ['deployment'] },
  'rollout undo': { types: ['deployment'] },
  logs: { pods: true },
  exec: { pods: true },
};

/** The kinds `logs`/`exec` accept as `TYPE/NAME` (kubelab finds a pod through these). */
const POD_HOLDERS = ['pods', 'deployments', 'replicasets'];

const POD_TYPE = resolveResource('pods')!;

/** Candidates for `current` after `kubectl` and `words`. */
export function kubectlCandidates(words: readonly string[], current: string, ctx: CompletionContext): Candidate[] {
  const line = readKubectlWords(words);
  const ns = line.namespace ?? ctx.namespace;
  if (line.unknownCommand) return [];
  if (line.afterDash) return fileCandidates(ctx.fs, current);
  if (line.valueOf) return flagValueCandidates(line.valueOf, current, '', ctx);
  if (current.startsWith('-') && current.includes('=')) {
    // `--output=ya`, `-o=ya`: the value completes behind the flag, in the same word.
    const eq = current.indexOf('=');
    const name = current.slice(0, eq);
    const spec = line.specs.find((s) => (name.startsWith('--') ? `--${s.name}` : `-${s.short}`) === name);
    return spec && spec.type !== 'bool' ? flagValueCandidates(spec, current.slice(eq + 1), current.slice(0, eq + 1), ctx) : [];
  }
  if (current.startsWith('-')) return flagCandidates(line, current);
  if (!line.cmd) return wordCandidates(COMMANDS.map((c) => c.name).sort(), current);
  if ((line.cmd.subcommands?.length ?? 0) > 0 && line.args.length === 0) {
    return wordCandidates(line.cmd.subcommands!.map((c) => c.name).sort(), current);
  }
  const rule = RULES[line.path.join(' ')];
  // A verb without its own completion (run, wait, explain): cobra says "default", bash lists files.
  if (!rule) return fileCandidates(ctx.fs, current);
  return rule.pods ? podArgCandidates(line, current, ctx, ns) : typeAndNameCandidates(rule, line, current, ctx, ns);
}

/** cobra's flag completion: `--x` long names; a lone `-` long and short names; set flags left out unless repeatable. */
function flagCandidates(line: KubectlWords, current: string): Candidate[] {
  const names: string[] = [];
  for (const s of line.specs) {
    if (line.given.has(s.name) && s.type !== 'stringSlice' && s.type !== 'stringArray') continue;
    names.push(`--${s.name}`);
    if (s.short && !current.startsWith('--')) names.push(`-${s.short}`);
  }
  return wordCandidates(names, current);
}

/** Values of a flag; `prefix` is `--flag=` when the value is typed in the same word. */
function flagValueCandidates(spec: FlagSpec, typed: string, prefix: string, ctx: CompletionContext): Candidate[] {
  const withPrefix = (cs: Candidate[]) => cs.map((c) => ({ ...c, text: prefix + c.text, display: c.display ?? c.text }));
  switch (spec.name) {
    case 'namespace':
      return withPrefix(wordCandidates(namespaceNames(ctx.store), typed));
    case 'output':
      return withPrefix(wordCandidates(OUTPUT_FORMAT_NAMES, typed));
    case 'filename':
      return withPrefix(fileCandidates(ctx.fs, typed, { extensions: MANIFEST_EXTENSIONS }));
    default:
      // No completion registered: bash's default, file names (`--patch-file <Tab>`).
      return spec.type === 'string' || spec.type === 'stringSlice' || spec.type === 'stringArray' ? withPrefix(fileCandidates(ctx.fs, typed)) : [];
  }
}

/** `TYPE` then names of that type, or `TYPE/NAME` words. */
function typeAndNameCandidates(rule: ArgRule, line: KubectlWords, current: string, ctx: CompletionContext, ns: string): Candidate[] {
  const served = rule.types ?? RESOURCE_TYPES.map((r) => r.plural);
  if (current.includes('/')) return slashNameCandidates(ctx.store, current, ns);
  // After a TYPE/NAME argument every further argument is one too: kubectl proposes `TYPE/`.
  if (line.args.some((a) => a.includes('/'))) return wordCandidates(served.map((t) => `${pluralOf(t)}/`), current, true);
  if (line.args.length === 0) return wordCandidates(served, current);
  return wordCandidates(objectNames(ctx.store, typesOf(line.args[0]), ns, line.args.slice(1)), current);
}

/** `logs`/`exec`: pods and `TYPE/` first; then `logs POD <Tab>` proposes the pod's containers. */
function podArgCandidates(line: KubectlWords, current: string, ctx: CompletionContext, ns: string): Candidate[] {
  if (current.includes('/')) return slashNameCandidates(ctx.store, current, ns);
  if (line.args.length === 0) {
    const pods = wordCandidates(objectNames(ctx.store, [POD_TYPE], ns), current);
    return [...pods, ...wordCandidates(POD_HOLDERS.map((t) => `${t}/`), current, true)];
  }
  if (line.path[0] !== 'logs' || line.args.length !== 1 || line.args[0].includes('/')) return [];
  const pod = ctx.store?.peek<Pod>('Pod', ns, line.args[0]);
  return wordCandidates((pod?.spec.containers ?? []).map((c) => c.name), current);
}

/** `deployment` → `deployments`: the `TYPE/` words are plurals, as kubectl lists them. */
function pluralOf(typed: string): string {
  return resolveResource(typed)?.plural ?? typed;
}
