/**
 * The cluster picture as rows of styled text for a panel of a given size:
 *
 *     svc/nginx-service app=nginx → 1×4 C×1
 *     deploy/nginx-deployment 4/4
 *       rs 5b6ff7c794 rev 1 nginx:1.14 4/4 1 version=1.14
 *         1 nginx-deployment-5b6ff7c794-47szd Running ◂
 *
 * A pod's mark is its version's letter (in the version's colour when colour is on), its
 * STATUS is coloured by phase, and ◂ says a Service sends it traffic. When the pods do not
 * fit, each ReplicaSet's pods fold into one row of counts (`1 Running×3 ContainerCreating×1`);
 * what still does not fit is cut with a `… N more lines` row.
 */
import { padColumns, columns, truncateLine, type Segment, type StyledLine } from '../layout/styled-line.js';
import type { ClusterPicture, PodPhase, PodPicture, ReplicaSetPicture } from './cluster-picture.js';
import { keyText, type KeyStyle } from './version-key.js';
import type { ViewStrings } from './view-strings.js';

/** The colour of each phase class. */
export const PHASE_COLORS: Record<PodPhase, string> = { running: 'green', starting: 'yellow', terminating: 'gray', failed: 'red', done: 'gray' };

/** The rows of the cluster view, at most `height` (all when undefined), each cut to `width`. */
export function clusterLines(picture: ClusterPicture, width: number, height: number | undefined, text: ViewStrings): StyledLine[] {
  const { deployments, services, pods } = picture;
  if (deployments.length === 0 && services.length === 0 && pods.length === 0) return [[{ text: text.emptyCluster, dim: true }]];
  const nameWidth = Math.max(0, ...deployments.flatMap((d) => d.replicaSets.flatMap((rs) => rs.pods.map((p) => columns(p.name)))), ...pods.map((p) => columns(p.name) + 4));
  const build = (folded: boolean): StyledLine[] => {
    const rows: StyledLine[] = services.map((s) => [
      { text: `svc/${s.name}`, bold: true },
      { text: ` ${s.selector} → ` },
      ...(s.targets.length === 0 ? [{ text: text.noEndpoints, color: 'red' }] : targetCounts(s.targets)),
    ]);
    for (const d of deployments) {
      const row: StyledLine = [{ text: `deploy/${d.name}`, bold: true }, { text: ` ${d.ready}/${d.desired}`, color: d.ready === d.desired ? 'green' : 'yellow' }];
      if (d.idleReplicaSets > 0) row.push({ text: ` ${text.idleReplicaSets(d.idleReplicaSets)}`, dim: true });
      rows.push(row);
      for (const rs of d.replicaSets) {
        rows.push(replicaSetRow(rs));
        if (folded) rows.push([{ text: '    ' }, ...foldedPods(rs)]);
        else for (const p of rs.pods) rows.push([{ text: '    ' }, ...podRow(p, nameWidth)]);
      }
    }
    for (const p of pods) rows.push(podRow({ ...p, name: `pod/${p.name}` }, nameWidth));
    return rows;
  };
  let rows = build(false);
  if (height !== undefined && rows.length > height) rows = build(true);
  if (height !== undefined && rows.length > height) {
    const shown = Math.max(0, height - 1);
    rows = [...rows.slice(0, shown), [{ text: text.moreLines(rows.length - shown), dim: true }]];
  }
  return rows.map((r) => truncateLine(r, width));
}

/** A version's mark in its colour. */
export function markSegment(style: KeyStyle | undefined): Segment {
  return style ? { text: style.mark, color: style.color, bold: true } : { text: '·', dim: true };
}

function replicaSetRow(rs: ReplicaSetPicture): StyledLine {
  const hash = rs.name.slice(rs.name.lastIndexOf('-') + 1);
  return [
    { text: `  rs ${hash} rev ${rs.revision} ${rs.image} ` },
    { text: `${rs.ready}/${rs.desired}`, color: rs.ready === rs.desired ? 'green' : 'yellow' },
    { text: ' ' },
    markSegment(rs.style),
    ...(rs.key ? [{ text: ` ${keyText(rs.key)}`, dim: true }] : []),
  ];
}

function podRow(p: PodPicture, nameWidth: number): StyledLine {
  return [
    markSegment(p.style),
    { text: ` ${padColumns(p.name, nameWidth)} ` },
    { text: p.status, color: PHASE_COLORS[p.phase] },
    ...(p.services.length > 0 ? [{ text: ' ◂', color: 'cyan' }] : []),
  ];
}

/** `1 Running×3 ContainerCreating×1`: one ReplicaSet's pods counted by STATUS. */
function foldedPods(rs: ReplicaSetPicture): StyledLine {
  const counts = new Map<string, { n: number; phase: PodPhase }>();
  for (const p of rs.pods) {
    const c = counts.get(p.status) ?? { n: 0, phase: p.phase };
    c.n++;
    counts.set(p.status, c);
  }
  const out: StyledLine = [markSegment(rs.style)];
  for (const [status, c] of counts) out.push({ text: ' ' }, { text: `${status}×${c.n}`, color: PHASE_COLORS[c.phase] });
  return out;
}

/** `1×4 C×1`: a Service's ready endpoints counted by version mark, most first. */
function targetCounts(targets: PodPicture[]): StyledLine {
  const counts = new Map<string, { n: number; style?: KeyStyle }>();
  for (const p of targets) {
    const id = p.style?.mark ?? '·';
    const c = counts.get(id) ?? { n: 0, style: p.style };
    c.n++;
    counts.set(id, c);
  }
  const out: StyledLine = [];
  for (const c of [...counts.values()].sort((x, y) => y.n - x.n)) out.push(...(out.length > 0 ? [{ text: ' ' }] : []), markSegment(c.style), { text: `×${c.n}` });
  return out;
}
