/**
 * The AST node types the interpreter walks, derived from the few that just-bash exports
 * (its package exports map hides `ast/types`), so no deep import is needed.
 */
import type { CommandNode, PipelineNode, ScriptNode, SimpleCommandNode, StatementNode, WordNode } from 'just-bash';

export type { CommandNode, PipelineNode, ScriptNode, SimpleCommandNode, StatementNode, WordNode };
/** One part of a word (literal, quoted, `$x`, `$(...)`, `$((...))`, glob...). */
export type WordPart = WordNode['parts'][number];
/** A word part of one kind. */
export type PartOf<T extends WordPart['type']> = Extract<WordPart, { type: T }>;
/** A command node of one kind (`If`, `While`, `FunctionDef`...). */
export type CommandOf<T extends CommandNode['type']> = Extract<CommandNode, { type: T }>;
/** A compound command (the body of a function). */
export type CompoundNode = Exclude<CommandNode, { type: 'SimpleCommand' } | { type: 'FunctionDef' }>;
/** One redirection of a command. */
export type RedirectionNode = SimpleCommandNode['redirections'][number];
/** A heredoc target. */
export type HereDocNode = Extract<RedirectionNode['target'], { type: 'HereDoc' }>;
/** `${x...}` operations. */
export type ParameterOperation = NonNullable<PartOf<'ParameterExpansion'>['operation']>;
/** An arithmetic expression tree node. */
export type ArithExpr = PartOf<'ArithmeticExpansion'>['expression']['expression'];
/** A `[[ ]]` expression node. */
export type CondExpr = CommandOf<'ConditionalCommand'>['expression'];
