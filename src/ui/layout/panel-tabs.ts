/**
 * The header row of a panel: in the stacked layout the three panel names with the shown one
 * marked (inverse, or in brackets under NO_COLOR), in the wide layout the panel's own name;
 * then a rule to the edge.
 */
import type { ViewStrings } from '../cluster-view/view-strings.js';
import { PANELS, type PanelName } from './screen-layout.js';
import { lineColumns, truncateLine, type StyledLine } from './styled-line.js';

/** `─ Lesson │ Cluster │ Traffic ───`, `shown` marked; only `shown` when `alone`. */
export function tabRow(shown: PanelName, text: ViewStrings, width: number, color: boolean, alone = false): StyledLine {
  const row: StyledLine = [{ text: '─ ', dim: true }];
  const names = alone ? [shown] : PANELS;
  names.forEach((p, i) => {
    if (i > 0) row.push({ text: ' │ ', dim: true });
    const name = text.panel[p];
    if (p !== shown) row.push({ text: name, dim: true });
    else row.push(color ? { text: ` ${name} `, inverse: !alone, bold: true } : { text: alone ? name : `[${name}]` });
  });
  row.push({ text: ' ' });
  const rest = width - lineColumns(row);
  if (rest > 0) row.push({ text: '─'.repeat(rest), dim: true });
  return truncateLine(row, width);
}
