/** A batch worker thread: takes FileTasks, answers with packed FileOutcomes (src/batch.ts). */
import { Chalk } from 'chalk';
import { parentPort } from 'node:worker_threads';
import { packOutcome, processFile, type FileTask } from './batch.js';
import { summaryLine } from './report/summary.js';

parentPort!.on('message', (task: FileTask) => {
  void processFile(task).then((outcome) => {
    const chalk = new Chalk({ level: task.colorLevel ?? 0 });
    const { packed, transfer } = packOutcome(outcome, (report) => summaryLine(report, chalk), task.account ?? true);
    parentPort!.postMessage(packed, transfer);
  });
});
