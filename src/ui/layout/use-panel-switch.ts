/**
 * Ctrl-G shows the next panel under the terminal (lesson → cluster → traffic) when they take
 * turns. Ctrl-G is free: the line editor and the lesson keys leave it alone (readline's abort
 * is not modelled), and it reaches the program in raw mode in every terminal.
 */
import { useInput } from 'ink';
import { useState } from 'react';
import { nextPanel, type PanelName } from './screen-layout.js';

/** The shown panel and its Ctrl-G handler (active while `active`). */
export function usePanelSwitch(active: boolean, first: PanelName = 'lesson'): PanelName {
  const [panel, setPanel] = useState<PanelName>(first);
  useInput(
    (input, key) => {
      if (key.ctrl && input === 'g') setPanel(nextPanel);
    },
    { isActive: active },
  );
  return panel;
}
