/**
 * The grader's worker thread: it receives one submission at a time from the pool
 * (worker-pool.ts), grades it with gradeSubmissionPath and posts the report back. The pool
 * terminates the thread if a submission overruns its wall-clock budget.
 */
import { parentPort } from 'node:worker_threads';
import { setManifestCache } from '../../kubectl/manifests/yaml-to-json.js';
import { gradeSubmissionPath } from './grade-submission.js';
import type { WorkerTask, WorkerReply } from './worker-pool.js';

const port = parentPort;
if (port) {
  // Submissions of one scenario apply the same manifests: each document is parsed once per worker.
  setManifestCache(64);
  port.on('message', (task: WorkerTask) => {
    void gradeSubmissionPath(task.scenario, task.path, task.opts, task.name).then((report) => {
      const reply: WorkerReply = { id: task.id, report };
      port.postMessage(reply);
    });
  });
}
