/**
 * `eksnet lint` on several threads: the main thread and `jobs - 1` worker threads. Every thread
 * reads and parses ALL the files (cross-file rules need the whole workspace index), then takes
 * files to validate in small chunks, in order, from a counter they share (a SharedArrayBuffer),
 * until none is left: the shards balance themselves, whatever the files cost, however late a
 * worker starts and whatever else the machine is doing. Results come back as plain data and are
 * put back in file order, so the report is the same for any number of threads.
 *
 * The worker runs this very module: `dist/cli.js` in the bundle (main.ts does not start the
 * command in a worker), or this file when the CLI runs from TypeScript sources through tsx.
 *
 * Nothing a worker does can change the report. A worker that cannot start, crashes or answers
 * nonsense costs a note on stderr, and the main thread (which has the whole workspace loaded)
 * validates whatever files have no result. A file the main thread cannot read is the usual usage
 * error, before any validation; the workers are then stopped.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Logger } from '../analysis';
import { FileResult, loadWorkspace, LoadedWorkspace, validateFile, ValidateOptions } from './shard';

/** Below this many files, starting workers costs more than it saves. */
export const AUTO_MIN_FILES = 200;
/** Every thread parses the whole workspace, so more threads gain less and less. */
export const AUTO_MAX_JOBS = 4;
/** Files taken from the shared counter at a time. */
const CHUNK_FILES = 8;

const WORKER_TAG = 'eksnet-lint-worker/1';

/**
 * The number of threads when `--jobs` is not given: one fewer than the cores (up to 4), so 1 on
 * two cores. A thread keeps about one core and a half busy (V8 collects garbage and compiles on
 * helper threads, about 0.4 core for a single-threaded run), and every thread parses the whole
 * workspace: on two cores, two threads are slower than one (measured: 4.8 s against 3.9 s for
 * 20,000 documents).
 */
export function defaultJobs(fileCount: number, cores = availableParallelism()): number {
  return fileCount >= AUTO_MIN_FILES ? Math.max(1, Math.min(cores - 1, AUTO_MAX_JOBS)) : 1;
}

/**
 * Shared by all threads, as an Int32Array over a SharedArrayBuffer: [0] the next file to take,
 * [1 + t] 1 once thread t (0: the main thread) has started taking files.
 */
type Counter = Int32Array;

/** The job of one worker (its `workerData.job`). */
export interface WorkerJob extends ValidateOptions {
  readonly thread: number;
  readonly counter: Counter;
}

/** What a worker posts back, once. */
export type WorkerReply =
  | { readonly kind: 'done'; readonly indices: readonly number[]; readonly results: readonly FileResult[]; readonly logs: readonly (readonly [number, string])[] }
  | { readonly kind: 'failed'; readonly message: string };

/** The files thread `thread` validates: chunks taken from the shared counter until none is left. */
function* take(counter: Counter, thread: number, fileCount: number): Generator<number> {
  Atomics.store(counter, 1 + thread, 1);
  for (;;) {
    const start = Atomics.add(counter, 0, CHUNK_FILES);
    if (start >= fileCount) return;
    for (let i = start; i < Math.min(start + CHUNK_FILES, fileCount); i++) yield i;
  }
}

/** True in a thread started by `lintInParallel` (main.ts then leaves the command alone). */
export function isLintWorker(): boolean {
  return !isMainThread && (workerData as { tag?: unknown } | null)?.tag === WORKER_TAG;
}

/**
 * How to start a worker running this module, or undefined when it cannot be done (the CLI then
 * lints in-process). From TypeScript sources the worker needs tsx's CommonJS hook: the hooks tsx
 * registered in this thread do not reach worker threads.
 */
function launch(): { readonly filename: string; readonly execArgv?: string[] } | undefined {
  if (typeof __filename !== 'string') return undefined;
  if (!/\.[cm]?tsx?$/.test(__filename)) return { filename: __filename };
  try {
    return { filename: __filename, execArgv: ['--require', createRequire(__filename).resolve('tsx/cjs')] };
  } catch {
    return undefined;
  }
}

export function canLintInParallel(): boolean {
  return launch() !== undefined;
}

export type SpawnWorker = (job: WorkerJob) => Worker;

/** Starts a worker running this module on `job`. */
export const spawnLintWorker: SpawnWorker = (job) => {
  const l = launch();
  if (!l) throw new Error('worker threads cannot run the linter here');
  return new Worker(l.filename, { workerData: { tag: WORKER_TAG, job }, ...(l.execArgv ? { execArgv: l.execArgv } : {}) });
};

export interface ParallelOptions extends ValidateOptions {
  /** Threads in all, this one included: at least 2. */
  readonly jobs: number;
  readonly log: Logger;
  /** Starts one worker (tests replace it). */
  readonly spawn?: SpawnWorker;
  /** Tests: the main thread validates only what the workers leave (files with no result). */
  readonly workersOnly?: boolean;
}

/** Lints `files` on `jobs` threads; returns the result of every file, in file order. */
export async function lintInParallel(o: ParallelOptions): Promise<FileResult[]> {
  const { files, jobs } = o;
  const counter: Counter = new Int32Array(new SharedArrayBuffer(4 * (1 + jobs)));
  const job = { files, settings: o.settings, quiet: o.quiet, cwd: o.cwd, counter };
  const workers: RunningWorker[] = [];
  for (let thread = 1; thread < jobs; thread++) workers.push(startWorker(o.spawn ?? spawnLintWorker, { ...job, thread }));

  const results: (FileResult | undefined)[] = new Array(files.length);
  const logs: string[][] = [];
  let current = -1;
  try {
    // Messages while reading go out at once (the workers read the same files and keep theirs to
    // themselves); messages while validating are kept by file, and go out in file order below.
    const ws: LoadedWorkspace = loadWorkspace(files, o.settings.maxFileSize, (m) => (current < 0 ? o.log(m) : (logs[current] ??= []).push(m)));
    const validate = (indices: Iterable<number>): void => {
      for (const i of indices) {
        current = i;
        results[i] = validateFile(ws, i, o);
      }
      current = -1;
    };
    if (!o.workersOnly) validate(take(counter, 0, files.length));
    for (const worker of workers) {
      // Once this thread has found no file left, a worker that has not started taking files
      // never will (it is still starting or reading): no need to wait for it.
      if (!o.workersOnly && Atomics.load(counter, 1 + worker.thread) === 0 && !worker.settled) {
        void worker.stop();
        continue;
      }
      const reply = worker.settled ?? (await worker.reply);
      if (reply.kind === 'done' && inRange(reply, files.length)) {
        reply.indices.forEach((i, k) => (results[i] = reply.results[k]));
        for (const [i, m] of reply.logs) (logs[i] ??= []).push(m);
      } else {
        o.log(`a lint worker failed (${reply.kind === 'failed' ? reply.message : 'unexpected reply'}); its files are linted in the main thread`);
      }
    }
    validate(files.map((_, i) => i).filter((i) => !results[i]));
  } catch (e) {
    await Promise.all(workers.map((w) => w.stop()));
    throw e;
  }
  for (const fileLogs of logs) for (const m of fileLogs ?? []) o.log(m);
  return results as FileResult[];
}

interface RunningWorker {
  readonly thread: number;
  /** Settles once, never rejects: the worker's reply, or why there is none. */
  readonly reply: Promise<WorkerReply>;
  /** The reply, once it has come. */
  readonly settled: WorkerReply | undefined;
  readonly stop: () => Promise<void>;
}

function startWorker(spawn: SpawnWorker, job: WorkerJob): RunningWorker {
  let worker: Worker;
  try {
    worker = spawn(job);
  } catch (e) {
    const failed: WorkerReply = { kind: 'failed', message: describe(e) };
    return { thread: job.thread, reply: Promise.resolve(failed), settled: failed, stop: async () => undefined };
  }
  const running = {
    thread: job.thread,
    settled: undefined as WorkerReply | undefined,
    reply: undefined as unknown as Promise<WorkerReply>,
    stop: () => {
      worker.unref();
      return worker.terminate().then(
        () => undefined,
        () => undefined,
      );
    },
  };
  running.reply = new Promise<WorkerReply>((resolve) => {
    const settle = (r: WorkerReply) => {
      running.settled ??= r;
      resolve(running.settled);
    };
    worker.once('message', (m: unknown) => {
      settle(isReply(m) ? m : { kind: 'failed', message: 'unexpected message' });
      // The reply is all this thread needs: the process need not wait for the worker to wind down.
      worker.unref();
    });
    worker.on('error', (e) => settle({ kind: 'failed', message: describe(e) }));
    worker.on('messageerror', (e) => settle({ kind: 'failed', message: describe(e) }));
    worker.once('exit', (code) => settle({ kind: 'failed', message: `it stopped with exit code ${code} before replying` }));
  });
  return running;
}

function isReply(m: unknown): m is WorkerReply {
  if (!m || typeof m !== 'object') return false;
  const r = m as Partial<Record<string, unknown>>;
  if (r.kind === 'failed') return typeof r.message === 'string';
  return r.kind === 'done' && Array.isArray(r.indices) && Array.isArray(r.results) && r.indices.length === r.results.length && Array.isArray(r.logs);
}

/** Whether a worker's reply speaks of files of this job only. */
function inRange(reply: { readonly indices: readonly number[]; readonly logs: readonly (readonly [number, string])[] }, fileCount: number): boolean {
  const ok = (i: unknown) => Number.isInteger(i) && (i as number) >= 0 && (i as number) < fileCount;
  return reply.indices.every(ok) && reply.logs.every((l) => Array.isArray(l) && ok(l[0]) && typeof l[1] === 'string');
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The worker's side: read everything, validate files taken from the shared counter, reply. */
function runWorker(job: WorkerJob): void {
  let reply: WorkerReply;
  try {
    const logs: [number, string][] = [];
    let current = -1;
    // Messages while reading are the main thread's to report (it reads the same files).
    const ws = loadWorkspace(job.files, job.settings.maxFileSize, (m) => {
      if (current >= 0) logs.push([current, m]);
    });
    const indices: number[] = [];
    const results: FileResult[] = [];
    for (const i of take(job.counter, job.thread, job.files.length)) {
      current = i;
      indices.push(i);
      results.push(validateFile(ws, i, job));
    }
    reply = { kind: 'done', indices, results, logs };
  } catch (e) {
    reply = { kind: 'failed', message: describe(e) };
  }
  parentPort!.postMessage(reply);
}

if (isLintWorker()) runWorker((workerData as { job: WorkerJob }).job);
