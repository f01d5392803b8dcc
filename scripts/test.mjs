// The test command: build, type-check, lint, then every test file on Node's built-in runner.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const run = (cmd, args) => {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  console.log(`# ${[cmd, ...args].join(' ').slice(0, 80)}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const walk = (d) => readdirSync(d).flatMap((n) => (statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : [path.join(d, n)]));
const only = process.argv.slice(2);
const files = walk(path.join(root, 'test'))
  .filter((f) => f.endsWith('.test.ts') && !f.includes(`${path.sep}e2e${path.sep}`))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .map((f) => path.relative(root, f))
  .sort();

if (!only.length) {
  run('node', ['scripts/build.mjs']);
  run('npx', ['tsc', '-p', '.']);
  run('npx', ['eslint', '.']);
}
run('node', ['--import', 'tsx', '--test', '--test-reporter=spec', ...files]);
