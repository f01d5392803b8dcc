/**
 * Parallel linting (`eksnet lint --jobs N`): the same report as in-process, whatever the workers
 * do. The CLI cases spawn the bundle (dist/cli.js, run after `npm run build`, as npm test does)
 * with a preload that reports the workers it starts; the others run the worker pool from the
 * TypeScript sources (workers then run through tsx too).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DEFAULT_SETTINGS } from '../../server/src/analysis';
import { parseArgs, UsageError } from '../../server/src/cli/args';
import { lint } from '../../server/src/cli/lint';
import { defaultJobs, lintInParallel, spawnLintWorker, SpawnWorker } from '../../server/src/cli/parallel';
import { FileResult, loadWorkspace, validateFile } from '../../server/src/cli/shard';
import { findYamlFiles } from '../../server/src/node/findYamlFiles';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
let dir: string;
/** A generated workspace big enough for the workers to take part, with cross-file findings. */
let big: string;
/** A small one, for the worker pool run from sources. */
let small: string;
let preload: string;

/** Reports, on stderr, each worker started and how many files it validated. */
const PRELOAD = `const wt = require('node:worker_threads');
if (wt.isMainThread) {
  const Base = wt.Worker;
  wt.Worker = class extends Base {
    constructor(...args) {
      super(...args);
      process.stderr.write('test-preload: worker started\\n');
      this.on('message', (m) => process.stderr.write('test-preload: worker validated ' + (m && m.indices ? m.indices.length : -1) + '\\n'));
    }
  };
}
`;

function run(args: string[], withPreload = true) {
  const r = spawnSync(process.execPath, [...(withPreload ? ['--require', preload] : []), CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
  const started = r.stderr.split('\n').filter((l) => l === 'test-preload: worker started').length;
  const validated = r.stderr.split('\n').flatMap((l) => /^test-preload: worker validated (-?\d+)$/.exec(l)?.[1] ?? []).map(Number);
  const stderr = r.stderr.split('\n').filter((l) => !l.startsWith('test-preload:')).join('\n');
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr, started, validated };
}

function generate(out: string, files: number, docs: number): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'generate.mjs'), '--workspace', String(files), String(docs), '--out', out], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'eksnet-jobs-'));
  preload = path.join(dir, 'preload.cjs');
  writeFileSync(preload, PRELOAD);
  big = path.join(dir, 'big');
  small = path.join(dir, 'small');
  generate(big, 300, 1200);
  generate(small, 40, 160);
});

after(() => rmSync(dir, { recursive: true, force: true }));

const references = new Map<string, ReturnType<typeof run>>();
/** `eksnet lint --format <format> --jobs 1 big`, run once. */
function reference(format: string): ReturnType<typeof run> {
  let r = references.get(format);
  if (!r) references.set(format, (r = run(['lint', '--format', format, '--jobs', '1', 'big'])));
  return r;
}

test('--jobs 2 (and 4) print byte for byte what --jobs 1 prints, in every format, with cross-file findings', () => {
  let byWorkers = 0;
  for (const format of ['json', 'text', 'sarif']) {
    const one = reference(format);
    assert.equal(one.code, 1, one.stderr);
    assert.equal(one.started, 0, '--jobs 1 starts no worker');
    for (const jobs of format === 'json' ? ['2', '4'] : ['2']) {
      const many = run(['lint', '--format', format, '--jobs', jobs, 'big']);
      assert.equal(many.code, one.code, many.stderr);
      assert.equal(many.stderr, one.stderr);
      assert.ok(many.stdout === one.stdout, `--format ${format} --jobs ${jobs} differs from --jobs 1`);
      assert.equal(many.started, Number(jobs) - 1);
      assert.ok(many.validated.every((n) => n >= 0), `a worker failed: ${many.validated}`);
      byWorkers += many.validated.reduce((a, b) => a + b, 0);
    }
  }
  // The main thread may lint everything alone when a worker starts late, but not every time.
  assert.ok(byWorkers > 0, 'the workers validated no file at all');
  const report = JSON.parse(reference('json').stdout) as { findings: { rule: string }[]; summary: { files: number; documents: number } };
  assert.deepEqual([report.summary.files, report.summary.documents], [300, 1200]);
  // Rules that read other files: their findings need the whole workspace in every thread.
  const rules = new Set(report.findings.map((f) => f.rule));
  assert.ok(rules.has('ingress-group-conflict') && rules.has('service-selector-no-match'), `cross-file findings expected, got ${[...rules]}`);
});

test('by default, workers only for 200 files or more and 3 cores or more, and the same output', () => {
  // [files, cores] -> threads
  const table: [number, number, number][] = [[199, 8, 1], [200, 1, 1], [5000, 2, 1], [200, 3, 2], [200, 4, 3], [5000, 5, 4], [5000, 64, 4]];
  for (const [files, cores, jobs] of table) assert.equal(defaultJobs(files, cores), jobs, `${files} files, ${cores} cores`);
  const auto = run(['lint', '--format', 'json', 'big']);
  assert.equal(auto.code, 1, auto.stderr);
  assert.ok(auto.stdout === reference('json').stdout, 'the default differs from --jobs 1');
  assert.equal(auto.started, defaultJobs(300, availableParallelism()) - 1);
  const few = run(['lint', '--format', 'json', path.join(ROOT, 'examples')]);
  assert.equal(few.code, 1, few.stderr);
  assert.equal(few.started, 0, 'no worker for a handful of files');
  assert.ok(few.stdout === run(['lint', '--format', 'json', '--jobs', '3', path.join(ROOT, 'examples')]).stdout);
});

test('a missing or unreadable path is the same usage error (exit code 2) with workers, and nothing hangs', () => {
  const cases = [['small', 'does-not-exist']];
  // A file that exists but cannot be read, even by root.
  if (existsSync('/proc/self/mem')) cases.push(['small', '/proc/self/mem']);
  for (const paths of cases) {
    const one = run(['lint', '--jobs', '1', ...paths], false);
    assert.equal(one.code, 2, one.stderr);
    assert.match(one.stderr, paths[1] === 'does-not-exist' ? /no such file or folder: does-not-exist/ : /cannot read \/proc\/self\/mem/);
    const two = run(['lint', '--jobs', '2', ...paths]);
    assert.equal(two.signal, null, 'timed out');
    assert.equal(two.code, 2);
    assert.equal(two.stderr, one.stderr);
    assert.equal(two.stdout, '');
  }
});

test('--jobs takes a whole number from 1 to 256', () => {
  for (const bad of ['0', '-1', 'two', '1.5', '257', '', '2x']) {
    for (const argv of [['lint', '--jobs', bad, '.'], ['lint', `--jobs=${bad}`, '.']]) {
      assert.throws(() => parseArgs(argv), (e) => e instanceof UsageError && e.message === `--jobs must be a whole number from 1 to 256, got "${bad}"`, argv.join(' '));
    }
  }
  assert.throws(() => parseArgs(['lint', '.', '--jobs']), /--jobs needs a value/);
  assert.deepEqual(parseArgs(['lint', '--jobs=3', '.']), { kind: 'lint', paths: ['.'], format: 'text', config: undefined, noConfig: false, quiet: false, jobs: 3 });
  assert.equal((parseArgs(['lint', '--jobs', '256', '.']) as { jobs?: number }).jobs, 256);
  assert.equal((parseArgs(['lint', '.']) as { jobs?: number }).jobs, undefined);
  // From the command line: a usage error, exit code 2.
  const r = run(['lint', '--jobs', '0', 'small'], false);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^eksnet: --jobs must be a whole number from 1 to 256, got "0"\n\nUsage:/);
  assert.match(run(['--help'], false).stdout, /\n  --jobs <n> +Threads to lint with, 1-256 \(default from 200 files: cores - 1, up to 4\)\n/);
});

// The worker pool from the TypeScript sources.

async function inProcess(files: readonly string[]): Promise<FileResult[]> {
  const ws = loadWorkspace(files, DEFAULT_SETTINGS.maxFileSize, () => undefined);
  return files.map((_, i) => validateFile(ws, i, { files, settings: DEFAULT_SETTINGS, quiet: false, cwd: dir }));
}

async function pool(files: readonly string[], spawn: SpawnWorker | undefined, workersOnly: boolean, jobs = 3) {
  const logs: string[] = [];
  const results = await lintInParallel({ files, settings: DEFAULT_SETTINGS, quiet: false, cwd: dir, jobs, log: (m) => logs.push(m), spawn, workersOnly });
  return { results, logs };
}

test('from sources too, workers (through tsx) validate every file and give the in-process results', { timeout: 120_000 }, async () => {
  const files = await findYamlFiles(small, []);
  const expected = await inProcess(files);
  assert.ok(expected.some((r) => r.findings.length > 0));
  const validated: number[] = [];
  const spawn: SpawnWorker = (job) => {
    const w = spawnLintWorker(job);
    w.on('message', (m: { indices?: number[] }) => validated.push(m.indices?.length ?? -1));
    return w;
  };
  const { results, logs } = await pool(files, spawn, true);
  assert.deepEqual(logs, []);
  assert.equal(validated.length, 2);
  assert.equal(validated.reduce((a, b) => a + b, 0), files.length, `the workers validated ${validated} files`);
  assert.deepEqual(results, expected);
  // And through lint() (the main thread takes part).
  const opts = { paths: [small], config: undefined, noConfig: true, quiet: false, cwd: dir, log: () => undefined };
  assert.deepEqual(await lint({ ...opts, jobs: 3 }), await lint({ ...opts, jobs: 1 }));
});

/** A worker running `code` (CommonJS, with `workerData.job`). */
const fake = (code: string): SpawnWorker => (job) => new Worker(code, { eval: true, workerData: { job } });

test('a worker that cannot start, crashes, stops or answers nonsense changes nothing but a note', { timeout: 120_000 }, async () => {
  const files = await findYamlFiles(small, []);
  const expected = await inProcess(files);
  const cases: Record<string, SpawnWorker> = {
    'spawn throws': () => {
      throw new Error('no threads today');
    },
    'crashes at start': fake(`throw new Error('boom');`),
    // Takes files from the shared counter, as a real worker does, then dies without a reply.
    'takes files and exits': fake(`const { workerData } = require('node:worker_threads');
      const c = workerData.job.counter; Atomics.store(c, 1 + workerData.job.thread, 1); Atomics.add(c, 0, 8); Atomics.add(c, 0, 8); process.exit(3);`),
    'answers nonsense': fake(`require('node:worker_threads').parentPort.postMessage({ kind: 'done', indices: [0, 1], results: [] });`),
    'answers about other files': fake(`require('node:worker_threads').parentPort.postMessage({ kind: 'done', indices: [1e6], results: [{ documents: 1, findings: [] }], logs: [] });`),
    'reports a failure': fake(`require('node:worker_threads').parentPort.postMessage({ kind: 'failed', message: 'cannot read x' });`),
  };
  for (const [name, spawn] of Object.entries(cases)) {
    for (const workersOnly of [true, false]) {
      const { results, logs } = await pool(files, spawn, workersOnly);
      assert.deepEqual(results, expected, name);
      assert.ok(logs.length <= 2 && logs.every((l) => /^a lint worker failed \(.+\); its files are linted in the main thread$/.test(l)), `${name}: ${logs}`);
      if (workersOnly) assert.equal(logs.length, 2, `${name}: ${logs}`);
    }
  }
});

test('a worker still starting when the main thread is done is stopped, not waited for', { timeout: 60_000 }, async () => {
  const files = await findYamlFiles(small, []);
  const expected = await inProcess(files);
  const t0 = Date.now();
  const { results, logs } = await pool(files, fake(`setInterval(() => undefined, 1000);`), false, 2);
  assert.deepEqual(results, expected);
  assert.deepEqual(logs, []);
  assert.ok(Date.now() - t0 < 30_000);
});
