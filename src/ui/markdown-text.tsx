/**
 * A small Markdown renderer for lesson instructions: headings, fenced code blocks, inline
 * `code`, **bold** and *emphasis*. Anything else is shown as written. Blank lines between
 * paragraphs are kept; lines inside a paragraph are joined, as Markdown does.
 */
import { Box, Text } from 'ink';

/** A block of rendered Markdown. */
export interface Block {
  kind: 'heading' | 'code' | 'paragraph';
  text: string;
}

/** Splits Markdown into headings, code blocks and paragraphs. */
export function markdownBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  let code: string[] | undefined;
  const endPara = () => {
    if (para.length > 0) blocks.push({ kind: 'paragraph', text: para.join(' ') });
    para = [];
  };
  for (const line of source.replace(/\r\n/g, '\n').split('\n')) {
    if (code) {
      if (/^\s*```/.test(line)) {
        blocks.push({ kind: 'code', text: code.join('\n') });
        code = undefined;
      } else code.push(line);
    } else if (/^\s*```/.test(line)) {
      endPara();
      code = [];
    } else if (/^#{1,6}\s/.test(line)) {
      endPara();
      blocks.push({ kind: 'heading', text: line.replace(/^#+\s+/, '') });
    } else if (line.trim() === '') endPara();
    else para.push(line.trim());
  }
  if (code) blocks.push({ kind: 'code', text: code.join('\n') });
  endPara();
  return blocks;
}

/** Inline spans: `code`, **bold**, *emphasis*, plain text. */
export function inlineSpans(text: string): { kind: 'code' | 'bold' | 'em' | 'plain'; text: string }[] {
  const spans: { kind: 'code' | 'bold' | 'em' | 'plain'; text: string }[] = [];
  const re = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*]+)\*/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) spans.push({ kind: 'plain', text: text.slice(last, m.index) });
    if (m[1] !== undefined) spans.push({ kind: 'code', text: m[1] });
    else if (m[2] !== undefined) spans.push({ kind: 'bold', text: m[2] });
    else spans.push({ kind: 'em', text: m[3] });
    last = m.index + m[0].length;
  }
  if (last < text.length) spans.push({ kind: 'plain', text: text.slice(last) });
  return spans;
}

/** One line of inline Markdown. */
export function InlineText({ text }: { text: string }) {
  return (
    <Text>
      {inlineSpans(text).map((s, i) =>
        s.kind === 'code' ? (
          <Text key={i} color="cyan">
            {s.text}
          </Text>
        ) : s.kind === 'bold' ? (
          <Text key={i} bold>
            {s.text}
          </Text>
        ) : s.kind === 'em' ? (
          <Text key={i} italic>
            {s.text}
          </Text>
        ) : (
          s.text
        ),
      )}
    </Text>
  );
}

/** Renders Markdown text as blocks. */
export function MarkdownText({ source }: { source: string }) {
  return (
    <Box flexDirection="column">
      {markdownBlocks(source).map((b, i) =>
        b.kind === 'heading' ? (
          <Text key={i} bold underline>
            {b.text}
          </Text>
        ) : b.kind === 'code' ? (
          <Box key={i} paddingLeft={2}>
            <Text color="cyan">{b.text}</Text>
          </Box>
        ) : (
          <InlineText key={i} text={b.text} />
        ),
      )}
    </Box>
  );
}
