/**
 * The part of a pty kubelab needs behind `kubectl exec -it` / `attach`: with a tty, kubectl
 * sends raw keystrokes and expects the remote side to echo them, erase on backspace, turn
 * Enter into a line, Ctrl-C into an interrupt and Ctrl-D on an empty line into end of input.
 * Without a tty, input arrives as lines and nothing is echoed. Lines typed while a command
 * runs wait their turn.
 */

/** What the discipline drives. */
export interface DisciplineHost {
  tty: boolean;
  /** Writes to the terminal (already in CRLF form). */
  echo(text: string): void;
  prompt(): string;
  /** Runs one line; resolves true when the shell wants more lines (a heredoc, an open loop). */
  run(line: string, signal: AbortSignal): Promise<boolean>;
  /** End of input on an empty line (Ctrl-D, or stdin closed). */
  eof(): Promise<void>;
}

/** A line discipline for one session. */
export class LineDiscipline {
  private line = '';
  private readonly queue: string[] = [];
  private running: AbortController | undefined;
  private continuing = false;
  private escape = 0;
  private closed = false;

  constructor(private readonly host: DisciplineHost) {}

  /** Prints the prompt (a fresh shell does; an attached one already did). */
  showPrompt(): void {
    if (this.host.tty) this.host.echo(this.continuing ? '> ' : this.host.prompt());
  }

  /** Handles input bytes (as text). */
  input(text: string): void {
    for (const ch of text) this.key(ch);
  }

  /** Stdin closed: what is typed runs, then end of input. */
  async close(): Promise<void> {
    if (this.line !== '') this.submit();
    this.queue.push('\u0004');
    await this.drain();
  }

  /** Stops whatever runs (the client went away). */
  abort(): void {
    this.closed = true;
    this.running?.abort();
  }

  private key(ch: string): void {
    const code = ch.codePointAt(0)!;
    if (this.escape > 0) {
      // ESC [ ... final byte: arrow keys and the like are ignored.
      if (this.escape === 1 && ch === '[') this.escape = 2;
      else if (this.escape === 2 && !(code >= 0x40 && code <= 0x7e)) this.escape = 2;
      else this.escape = 0;
      return;
    }
    if (code === 0x1b) {
      this.escape = 1;
      return;
    }
    if (code === 0x03) {
      if (this.running) this.running.abort();
      else {
        this.line = '';
        this.continuing = false;
        if (this.host.tty) this.host.echo('^C\r\n');
        this.showPrompt();
      }
      return;
    }
    if (code === 0x04) {
      if (this.line === '') {
        this.queue.push('\u0004');
        void this.drain();
      }
      return;
    }
    if (code === 0x7f || code === 0x08) {
      if (this.line !== '') {
        this.line = [...this.line].slice(0, -1).join('');
        if (this.host.tty) this.host.echo('\b \b');
      }
      return;
    }
    if (ch === '\r' || ch === '\n') {
      if (this.host.tty) this.host.echo('\r\n');
      this.submit();
      return;
    }
    if (code < 0x20 && ch !== '\t') return;
    this.line += ch;
    if (this.host.tty) this.host.echo(ch);
  }

  private submit(): void {
    this.queue.push(this.line);
    this.line = '';
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    while (this.queue.length > 0 && !this.closed) {
      const line = this.queue.shift()!;
      if (line === '\u0004') {
        this.closed = true;
        await this.host.eof();
        return;
      }
      this.running = new AbortController();
      try {
        this.continuing = await this.host.run(line, this.running.signal);
      } finally {
        this.running = undefined;
      }
      if (!this.closed) this.showPrompt();
    }
  }
}
