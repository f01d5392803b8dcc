/**
 * A small smoke run of the benchmark (bench/run.mjs --quick) against the bundled server and CLI,
 * so the benchmark cannot rot. It measures nothing: the figures come from `npm run bench`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

test('the benchmark runs end to end on a small generated workspace', { timeout: 300_000 }, () => {
  const r = spawnSync(process.execPath, ['bench/run.mjs', '--quick', '--only', 'ours', '--iterations', '2', '--no-save'], { cwd: ROOT, encoding: 'utf8', timeout: 290_000 });
  assert.equal(r.status, 0, `bench failed:\n${r.stderr.slice(-3000)}`);
  assert.match(r.stdout, /\|/, 'no results table');
  assert.doesNotMatch(r.stdout + r.stderr, /failed:/, 'a scenario failed');
  assert.match(r.stdout, /docs\/s/i, 'no CLI throughput row');
});
