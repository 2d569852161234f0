/**
 * The terminal: finished output in ink's `<Static>` (written once, then it scrolls like a real
 * terminal's), the line still being printed, and the prompt with the line being edited and a
 * block cursor. While a command runs the prompt is hidden, as in a shell.
 */
import { Box, Static, Text } from 'ink';
import type { LineView } from './line-editor.js';
import type { OutputLine } from './output-buffer.js';

/** Props of the terminal pane. */
export interface TerminalPaneProps {
  lines: readonly OutputLine[];
  partial: string;
  running: boolean;
  prompt: string;
  line: LineView;
}

/** The scrollback, the partial line and the prompt. */
export function TerminalPane({ lines, partial, running, prompt, line }: TerminalPaneProps) {
  return (
    <Box flexDirection="column">
      <Static items={lines as OutputLine[]}>
        {(l) => (
          <Text key={l.id} bold={l.kind === 'cmd'}>
            {l.text === '' ? ' ' : l.text}
          </Text>
        )}
      </Static>
      {partial !== '' && <Text>{partial}</Text>}
      {!running && (
        <Text>
          <Text bold>{prompt}</Text>
          {line.before}
          <Text inverse>{line.at}</Text>
          {line.after}
        </Text>
      )}
    </Box>
  );
}
