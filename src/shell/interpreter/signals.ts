/**
 * Typed control flow of the interpreter: `break`, `continue`, `return` and `exit` unwind to
 * the construct that handles them; an Interrupt unwinds the whole line (Ctrl-C, the line's
 * time budget, or a limit); a ShellError is a user's mistake that stops the line with a message.
 */

/** `break N`. */
export class BreakSignal {
  constructor(public levels: number) {}
}

/** `continue N`. */
export class ContinueSignal {
  constructor(public levels: number) {}
}

/** `return N` from a function. */
export class ReturnSignal {
  constructor(readonly code: number) {}
}

/** `exit N`: ends the shell. */
export class ExitSignal {
  constructor(readonly code: number) {}
}

/** The line was interrupted; why is recorded on the LineRun. */
export class Interrupt {}

/** An error that stops the line, printed as `sh: <message>` (e.g. `x: parameter not set`). */
export class ShellError {
  constructor(
    readonly message: string,
    readonly status = 1,
  ) {}
}

/** Status of a line stopped by Ctrl-C or by its time budget (128 + SIGINT). */
export const INTERRUPT_STATUS = 130;
/** Status of a line stopped by a kubelab limit (as `timeout` reports an exceeded limit). */
export const LIMIT_STATUS = 124;
