/**
 * The lesson picker (`kubelab` with no arguments): the built-in lessons with their titles in
 * the chosen language and their length; ↑/↓ to choose, Enter to start, q or Esc to quit.
 */
import { Box, Text, useInput } from 'ink';
import { useRef, useState } from 'react';
import { listBuiltinScenarios } from '../lesson/scenario-loader.js';
import type { Lang, Scenario } from '../lesson/scenario-types.js';
import type { UiStrings } from './strings.js';

/** The valid built-in scenarios, sorted by id. */
export function builtinLessons(dir?: string): Scenario[] {
  return listBuiltinScenarios(dir)
    .flatMap((b) => (b.result.scenario ? [b.result.scenario] : []))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Props of the picker. */
export interface PickerScreenProps {
  lessons: readonly Scenario[];
  lang: Lang;
  text: UiStrings;
  onPick(scenario: Scenario): void;
  onQuit(): void;
}

/** A list of lessons to choose from. */
export function PickerScreen({ lessons, lang, text, onPick, onQuit }: PickerScreenProps) {
  const [selected, setSelected] = useState(0);
  // The key handler reads the ref: a key may arrive before the effect that re-subscribes it.
  const chosen = useRef(0);
  const choose = (i: number) => setSelected((chosen.current = Math.max(0, Math.min(lessons.length - 1, i))));
  useInput((input, key) => {
    if (key.upArrow) choose(chosen.current - 1);
    else if (key.downArrow) choose(chosen.current + 1);
    else if (key.return && lessons[chosen.current]) onPick(lessons[chosen.current]);
    else if (input === 'q' || key.escape || (key.ctrl && (input === 'c' || input === 'd'))) onQuit();
  });
  const idWidth = Math.max(2, ...lessons.map((l) => l.id.length));
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold>{text.pickerTitle}</Text>
      <Box flexDirection="column" marginY={1}>
        {lessons.length === 0 && <Text color="yellow">{text.pickerEmpty}</Text>}
        {lessons.map((l, i) => (
          <Text key={l.id} inverse={i === selected}>
            {`${i === selected ? '▸' : ' '} ${l.id.padEnd(idWidth)}  ${l.title[lang]}  `}
            <Text dimColor={i !== selected}>{`(${text.steps(l.steps.length)})`}</Text>
          </Text>
        ))}
      </Box>
      <Text dimColor>{text.pickerHelp}</Text>
    </Box>
  );
}
