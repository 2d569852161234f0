/** `kubelab serve [--port N] [--seed N] [--kubeconfig FILE]`: the simulated cluster's HTTP API. */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serve, writeKubeconfig } from '../serve/server.js';
import { CliUsageError } from './usage.js';

/** Runs `kubelab serve` until interrupted; returns the exit status. */
export async function serveCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { port: { type: 'string' }, seed: { type: 'string' }, kubeconfig: { type: 'string' } } }));
  } catch (e) {
    throw new CliUsageError((e as Error).message);
  }
  const port = Number(values.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliUsageError(`--port must be a port number, got "${values.port}"`);
  const seed = values.seed ?? '1';
  if (!/^\d+$/.test(seed)) throw new CliUsageError(`--seed must be a whole number, got "${seed}"`);
  let serving;
  try {
    serving = await serve({ port, seed: Number(seed) });
  } catch (e) {
    process.stderr.write(`kubelab serve: cannot listen on 127.0.0.1:${port}: ${(e as Error).message}\n`);
    return 1;
  }
  const kubeconfig = path.resolve(values.kubeconfig ?? path.join(os.tmpdir(), `kubelab-${serving.port}.kubeconfig`));
  writeKubeconfig(kubeconfig, serving);
  process.stdout.write(
    `kubelab serve: the simulated cluster (seed ${seed}) answers at ${serving.url}\n` +
      `kubeconfig: ${kubeconfig}\n\n  export KUBECONFIG=${kubeconfig}\n  kubectl get nodes\n\n` +
      'Server-side apply (apply --server-side) is not served yet.\nPress Ctrl-C to stop.\n',
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await serving.close();
  return 0;
}
