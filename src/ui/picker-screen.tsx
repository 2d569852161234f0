/**
 * The lesson picker (`kubelab` with no arguments): the built-in lessons, then the local
 * scenario files, each with its title in the chosen language, its length and how far the
 * student got before. ↑/↓ choose, Enter starts or continues, n starts afresh (the old folder
 * is kept), l switches the language, q or Esc quits.
 */
import { Box, Text, useInput } from 'ink';
import { useRef, useState } from 'react';
import type { Lang } from '../lesson/scenario-types.js';
import type { BrokenScenario, LibraryEntry } from './lesson-library.js';
import type { UiStrings } from './strings.js';

/** Props of the picker. */
export interface PickerScreenProps {
  lessons: readonly LibraryEntry[];
  /** Local files that look like scenarios but do not load. */
  broken?: readonly BrokenScenario[];
  lang: Lang;
  text: UiStrings;
  /** Enter (`fresh` false) or n (`fresh` true) on a lesson. */
  onPick(entry: LibraryEntry, fresh: boolean): void;
  /** l: the other language. */
  onLang?(lang: Lang): void;
  onQuit(): void;
}

/** What the picker says about a lesson's saved progress. */
export function progressLabel(entry: LibraryEntry, text: UiStrings): string {
  const p = entry.progress;
  if (!p) return text.steps(entry.scenario.steps.length);
  if (p.finished) return `${text.steps(entry.scenario.steps.length)} · ${text.pickerFinished}`;
  return `${text.steps(entry.scenario.steps.length)} · ${text.pickerDone(p.completed.length + p.skipped.length, entry.scenario.steps.length)}`;
}

/** A list of lessons to choose from. */
export function PickerScreen(props: PickerScreenProps) {
  const { lessons, broken = [], lang, text } = props;
  const [selected, setSelected] = useState(0);
  // The key handler reads refs: a key may arrive after a render but before the effect that
  // re-subscribes the handler, and must then see this render's lessons, language and callbacks.
  const chosen = useRef(0);
  const latest = useRef(props);
  latest.current = props;
  const choose = (i: number) => setSelected((chosen.current = Math.max(0, Math.min(latest.current.lessons.length - 1, i))));
  useInput((input, key) => {
    const { lessons, lang, onPick, onLang, onQuit } = latest.current;
    const entry = lessons[chosen.current];
    if (key.upArrow) choose(chosen.current - 1);
    else if (key.downArrow) choose(chosen.current + 1);
    else if (key.return && entry) onPick(entry, false);
    else if (input === 'n' && entry) onPick(entry, true);
    else if (input === 'l' && onLang) onLang(lang === 'en' ? 'ko' : 'en');
    else if (input === 'q' || key.escape || (key.ctrl && (input === 'c' || input === 'd'))) onQuit();
  });
  const idWidth = Math.max(2, ...lessons.map((l) => l.scenario.id.length));
  const firstLocal = lessons.findIndex((l) => l.source !== 'builtin');
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold>{text.pickerTitle}</Text>
      <Box flexDirection="column" marginY={1}>
        {lessons.length === 0 && <Text color="yellow">{text.pickerEmpty}</Text>}
        {lessons.map((l, i) => (
          <Box key={`${l.source}:${l.scenario.id}`} flexDirection="column">
            {i === firstLocal && <Text bold>{`\n${text.pickerLocal}`}</Text>}
            <Text inverse={i === selected} wrap="truncate-end">
              {`${i === selected ? '▸' : ' '} ${l.scenario.id.padEnd(idWidth)}  ${l.scenario.title[lang]}  `}
              <Text dimColor={i !== selected}>{`(${progressLabel(l, text)})`}</Text>
              {l.source !== 'builtin' && <Text dimColor={i !== selected}>{`  ${l.source}`}</Text>}
            </Text>
          </Box>
        ))}
        {broken.map((b) => (
          <Text key={b.file} color="yellow" wrap="truncate-end">{`  ✗ ${text.pickerBroken(b.file, b.first)}`}</Text>
        ))}
      </Box>
      <Text dimColor>{text.pickerHelp}</Text>
    </Box>
  );
}
