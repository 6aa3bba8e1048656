/**
 * Worker thread entry: builds the search index from the docs it is given and writes its files, off the emitter's thread.
 * Started with its input, it runs at once; started prepared (`prepareSearchWorker`), it reads the kept postings while
 * the build compiles, then runs on the input posted to it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SearchWorkerData, SearchWorkerInput, SearchWorkerMessage } from './build-in-worker.ts';
import { readKeptPostings } from './kept-postings-file.ts';
import { joinLight } from './light-docs.ts';
import { writeSearchFiles } from './write-files.ts';

const plan = (indexed: number): void => parentPort!.postMessage({ kind: 'plan', indexed } satisfies SearchWorkerMessage);
const run = ({ docs, light, outDir, texts, keep }: SearchWorkerInput, read?: typeof readKeptPostings): void =>
  parentPort!.postMessage({ kind: 'done', outputs: writeSearchFiles(joinLight(docs, light), outDir, texts, keep, plan, read) } satisfies SearchWorkerMessage);

const data = workerData as SearchWorkerData;
if (data.kind === 'input') run(data.input);
else {
  const { file, code } = data.kept;
  const postings = readKeptPostings(file, code);
  parentPort!.postMessage({ kind: 'ready' } satisfies SearchWorkerMessage);
  // Those postings stand for the file as read now: the build that posts the input holds the site's lock, and only its own worker writes the file.
  parentPort!.once('message', (input: SearchWorkerInput) => run(input, (f, c) => (f === file && c === code ? postings : readKeptPostings(f, c))));
}
