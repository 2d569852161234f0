/**
 * `kubectl get -w` / `--watch-only` (get.go GetOptions.watch): one resource type; prints the
 * current list (or object), then one row per change as the virtual clock runs. In a script the
 * watch ends like Ctrl-C when the watch budget of virtual time is spent (kubectl's interrupt
 * handler exits 1 without a message); in the terminal it ends on the abort signal.
 */
import type { WatchEvent } from '../../cluster/store.js';
import { tableFor } from '../../cluster/tables/index.js';
import type { KubeObject } from '../../cluster/types.js';
import type { Invocation } from '../command.js';
import { DEFAULT_WATCH_BUDGET_MS, passTime } from '../context.js';
import { parseLabelSelector } from '../describe/label-selector.js';
import { KubectlError } from '../errors.js';
import { finalError } from '../manifests/write-support.js';
import { TabWriter } from '../printers/tabwriter.js';
import { fetchObjects, type FetchOptions } from './fetch.js';
import { parseFieldSelector } from './field-selector.js';
import type { OutputFormat } from './generic.js';
import { HumanPrinter, type HumanOptions } from './human.js';
import { objectPrinter } from './object-printer.js';

/** Runs the watch; returns the exit code. */
export async function runWatch(inv: Invocation, opts: FetchOptions, format: OutputFormat, human: HumanOptions): Promise<number> {
  const { ctx } = inv;
  const fetched = fetchObjects(inv, { ...opts, ignoreNotFound: false });
  // Builder.SingleResourceType, then get's multipleGVKsRequested check.
  if (inv.args.length > 0 && !inv.args[0].includes('/') && new Set(inv.args[0].split(',')).size > 1) {
    throw new KubectlError('you may only specify a single resource type');
  }
  if (fetched.errors.length > 0) throw finalError(fetched.errors)!;
  if (new Set(fetched.infos.map((i) => i.type.kind)).size > 1) {
    throw new KubectlError('watch is only supported on individual resources and resource collections - more than 1 resource was found');
  }
  const info = fetched.infos[0];
  if (!info) throw new KubectlError('kubelab: nothing to watch');
  const type = info.type;
  const names = new Set(fetched.infos.filter((i) => !i.isList).flatMap((i) => i.objects.map((o) => o.metadata.name)));
  const labels = opts.labelSelector ? parseLabelSelector(opts.labelSelector) : undefined;
  const fields = opts.fieldSelector ? parseFieldSelector(opts.fieldSelector, type) : undefined;
  const ns = type.namespaced && !opts.allNamespaces ? inv.namespace : undefined;
  const matches = (o: KubeObject) =>
    o.kind === type.kind &&
    (ns === undefined || o.metadata.namespace === ns) &&
    (names.size === 0 || names.has(o.metadata.name)) &&
    (!labels || labels(o.metadata.labels ?? {})) &&
    (!fields || fields(o));

  const print = printerFor(inv, format, human, type);
  if (!flagWatchOnly(inv)) {
    const initial = info.isList ? info.objects : fetched.infos.flatMap((i) => i.objects);
    print.objects(initial, undefined, true, ctx.cluster.clock.now());
  }

  const queue: { event: WatchEvent; at: number }[] = [];
  const stop = ctx.cluster.store.watch((event) => {
    if (matches(event.object)) queue.push({ event, at: ctx.cluster.clock.now() });
  });
  const outputEvents = inv.flags['output-watch-events'] === true;
  const clock = ctx.cluster.clock;
  const budgetEnd = clock.now() + (ctx.watchBudgetMs ?? DEFAULT_WATCH_BUDGET_MS);
  try {
    for (;;) {
      while (queue.length > 0) {
        const { event, at } = queue.shift()!;
        print.objects([event.object], outputEvents ? event.type : undefined, false, at);
      }
      if (ctx.signal?.aborted) return 1;
      const now = clock.now();
      if (now >= budgetEnd) return 1;
      const next = clock.nextTimerAt();
      await passTime(ctx, Math.max(0, Math.min(next ?? budgetEnd, budgetEnd) - now));
    }
  } finally {
    stop();
  }
}

function flagWatchOnly(inv: Invocation): boolean {
  return inv.flags['watch-only'] === true;
}

interface WatchPrinter {
  /** Prints objects as of `nowMs` (the AGE column is computed when the server sends them). */
  objects(objects: KubeObject[], eventType: string | undefined, initial: boolean, nowMs: number): void;
}

function printerFor(inv: Invocation, format: OutputFormat, human: HumanOptions, type: ReturnType<typeof fetchObjects>['infos'][number]['type']): WatchPrinter {
  const { ctx } = inv;
  if (format.kind === 'human') {
    const printer = new HumanPrinter({ ...human, withNamespace: human.withNamespace && type.namespaced, withKind: human.withKind }, type);
    const w = new TabWriter(ctx.stdout);
    return {
      objects(objects, eventType, initial, nowMs) {
        const table = tableFor(type.kind, objects, nowMs);
        printer.print(table, w, eventType ?? (inv.flags['output-watch-events'] === true && initial ? 'ADDED' : undefined));
        w.flush();
      },
    };
  }
  const print = objectPrinter(format, inv);
  return {
    objects(objects) {
      for (const o of objects) ctx.stdout(print(o));
    },
  };
}
