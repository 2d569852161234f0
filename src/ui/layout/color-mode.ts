/**
 * NO_COLOR (no-color.org): when the variable is set and not empty the screen carries no colour
 * or style codes at all. Ink styles text through chalk, so chalk's level goes to 0 for every
 * component, ours and the shared ones (Markdown, picker); our own views also read the flag
 * (React context) to draw what colour said otherwise: the cursor as the terminal's own,
 * versions by their letter, the chosen panel in brackets.
 */
import chalk from 'chalk';
import { createContext, useContext } from 'react';

/** True when NO_COLOR is set to a non-empty value. */
export function noColorRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.NO_COLOR ?? '') !== '';
}

/** Turns every colour and style code off when `noColor` (it is never turned back on). */
export function applyColorMode(noColor: boolean): void {
  if (noColor) chalk.level = 0;
}

/** Whether the views may use colour (false under NO_COLOR). */
export const ColorContext = createContext<boolean>(true);

/** True when the views may use colour. */
export function useColor(): boolean {
  return useContext(ColorContext);
}

// The picker draws before any lesson screen: the mode applies as soon as the UI loads.
applyColorMode(noColorRequested());
