/** A batch worker thread: takes FileTasks, answers with FileOutcomes (src/batch.ts). */
import { parentPort } from 'node:worker_threads';
import { processFile, type FileTask } from './batch.js';

parentPort!.on('message', (task: FileTask) => {
  void processFile(task).then((outcome) => parentPort!.postMessage(outcome));
});
