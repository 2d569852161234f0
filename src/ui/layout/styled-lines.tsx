/**
 * Draws styled lines, one ink `<Text>` a row, cut to the width they were laid out for. Under
 * NO_COLOR the styles are dropped here as well (chalk's level is 0 then anyway).
 */
import { Box, Text } from 'ink';
import type { StyledLine } from './styled-line.js';
import { useColor } from './color-mode.js';

/** Props of a block of styled lines. */
export interface StyledLinesProps {
  lines: readonly StyledLine[];
  width: number;
  /** Rows it takes (short content is padded, longer is cut) so the parts below stay put. */
  height?: number;
}

/** The lines, each on its own row, never wrapped by ink. */
export function StyledLines({ lines, width, height }: StyledLinesProps) {
  const color = useColor();
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line.length === 0
            ? ' '
            : line.map((s, j) =>
                color ? (
                  <Text key={j} color={s.color} bold={s.bold} dimColor={s.dim} inverse={s.inverse}>
                    {s.text}
                  </Text>
                ) : (
                  s.text
                ),
              )}
        </Text>
      ))}
    </Box>
  );
}
