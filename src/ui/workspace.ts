/**
 * The folder a lesson works in: `--workdir DIR` (created if missing), or a new folder under
 * the OS temp dir. The scenario's starting files are written into it, except files the
 * student already has there (a resumed workspace keeps their edits).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Scenario } from '../lesson/scenario-types.js';

/** Prepares the workspace of a lesson; returns its absolute path. */
export function prepareWorkspace(scenario: Scenario, workdir?: string): string {
  const dir = workdir ? path.resolve(workdir) : fs.mkdtempSync(path.join(os.tmpdir(), `kubelab-${scenario.id}-`));
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(scenario.files ?? {})) {
    const file = path.resolve(dir, name);
    if (!file.startsWith(dir + path.sep)) continue; // a scenario file name may not leave the folder
    if (fs.existsSync(file)) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}
