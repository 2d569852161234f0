/**
 * The traffic panel as rows: per Service, one bar per version key, its length the key's share
 * of the recent answers, with the count and the percentage:
 *
 *     svc/nginx-service 100 answers
 *     1 version=1.14   ███████████████████████░░░░░  81  81%
 *     C version=canary ██████░░░░░░░░░░░░░░░░░░░░░░  19  19%
 *
 * The bars are characters, so they read the same without colour; the mark tells versions apart.
 */
import { padColumns, columns, truncateLine, type StyledLine } from '../layout/styled-line.js';
import { markSegment } from './cluster-lines.js';
import type { ServiceTraffic } from './traffic-log.js';
import { keyText } from './version-key.js';
import type { ViewStrings } from './view-strings.js';

/** The rows of the traffic panel, at most `height` (all when undefined), each cut to `width`. */
export function trafficLines(services: readonly ServiceTraffic[], width: number, height: number | undefined, text: ViewStrings): StyledLine[] {
  const rows: StyledLine[] = [[{ text: text.trafficTitle, dim: true }]];
  if (services.length === 0) for (const row of text.noTraffic) rows.push([{ text: row }]);
  const labelWidth = Math.max(0, ...services.flatMap((s) => s.bars.map((b) => columns(b.key ? keyText(b.key) : '-'))));
  // mark, space, label, space, bar, count (4), percent (5)
  const barWidth = Math.max(5, width - 2 - labelWidth - 1 - 4 - 5 - 1);
  for (const s of services) {
    rows.push([{ text: `svc/${s.service}`, bold: true }, { text: ` ${text.answers(s.total)}`, dim: true }]);
    for (const b of s.bars) {
      const filled = Math.round((b.count / s.total) * barWidth);
      const color = b.style?.color;
      rows.push([
        markSegment(b.style),
        { text: ` ${padColumns(b.key ? keyText(b.key) : '-', labelWidth)} ` },
        { text: '█'.repeat(filled), color },
        { text: '░'.repeat(barWidth - filled), dim: true },
        { text: `${String(b.count).padStart(4)}${`${Math.round((b.count / s.total) * 100)}%`.padStart(5)}` },
      ]);
    }
  }
  const shown = height === undefined || rows.length <= height ? rows : [...rows.slice(0, Math.max(0, height - 1)), [{ text: text.moreLines(rows.length - height + 1), dim: true }]];
  return shown.map((r) => truncateLine(r, width));
}
