#!/usr/bin/env node
// Installs what the e2e runner (run.mjs) needs, idempotently and unattended:
//   - Debian packages: chromium + the -dev packages code-server's native modules build against
//   - code-server, Node 24 and playwright-core (test/e2e/harness/package.json) into a cache
//     folder OUTSIDE git: $EKSNET_E2E_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/eksnet-e2e
// Only the npm registry and Debian's packages are used. Safe to run again: it skips what is there.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { harnessPaths } from './lib/paths.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
// fonts-liberation: readable text in screenshots (chromium only recommends it).
const APT_PACKAGES = ['chromium', 'fonts-liberation', 'libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'pkg-config'];
const t0 = Date.now();
const secs = (t) => ((Date.now() - t) / 1000).toFixed(1) + 's';
const log = (m) => console.log(`[e2e setup] ${m}`);

function run(cmd, args, opts = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const t = Date.now();
  const r = spawnSync(cmd, args, { stdio: opts.logFile ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'], maxBuffer: 1 << 28, ...opts });
  if (opts.logFile) fs.appendFileSync(opts.logFile, `\n$ ${cmd} ${args.join(' ')}\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  if (r.status !== 0) {
    if (opts.logFile) console.error(String((r.stdout ?? '') + (r.stderr ?? '')).split('\n').slice(-40).join('\n'));
    throw new Error(`${cmd} failed (exit ${r.status}${r.error ? ', ' + r.error.message : ''})`);
  }
  log(`  done in ${secs(t)}`);
}

// ---- 1. Debian packages -------------------------------------------------------------------
function aptInstalled(pkg) {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', pkg], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString().includes('install ok installed');
  } catch { return false; }
}
function setupApt() {
  const t = Date.now();
  const missing = APT_PACKAGES.filter((p) => !aptInstalled(p));
  if (missing.length === 0) return log(`apt: all present (${APT_PACKAGES.join(' ')}) [${secs(t)}]`);
  log(`apt: installing ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // CI and the project's machines run as root; elsewhere use sudo without a password prompt.
  const [cmd, ...pre] = process.getuid() === 0 ? ['apt-get'] : ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get'];
  run(cmd, [...pre, 'update', '-q'], { env });
  run(cmd, [...pre, 'install', '-y', '-q', '--no-install-recommends', ...missing], { env });
  log(`apt: done [${secs(t)}]`);
}

// ---- 2. npm harness -----------------------------------------------------------------------
function readJson(f) { try { return JSON.parse(fs.readFileSync(f, 'utf8')); } catch { return undefined; } }

function harnessLooksInstalled(p, wanted) {
  for (const [name, version] of Object.entries(wanted.dependencies)) {
    if (readJson(path.join(p.dir, 'node_modules', name, 'package.json'))?.version !== version) return `${name}@${version} missing`;
  }
  if (!fs.existsSync(p.node)) return 'node 24 binary missing';
  // code-server's postinstall installs VS Code's own node_modules, with native modules built for Node 24.
  if (!fs.existsSync(p.nativeProbe)) return `native module missing (${path.relative(p.dir, p.nativeProbe)})`;
  return undefined;
}

function setupHarness() {
  const t = Date.now();
  const p = harnessPaths();
  const src = path.join(here, 'harness', 'package.json');
  const wanted = JSON.parse(fs.readFileSync(src, 'utf8'));
  const hash = createHash('sha256').update(fs.readFileSync(src)).digest('hex');
  fs.mkdirSync(p.dir, { recursive: true });
  const stamp = readJson(p.stamp);
  const problem = harnessLooksInstalled(p, wanted);
  if (stamp?.hash === hash && !problem) return log(`harness: up to date in ${p.dir} [${secs(t)}]`);
  log(`harness: installing into ${p.dir} (${stamp?.hash !== hash ? 'package.json changed or first run' : problem})`);
  fs.rmSync(p.stamp, { force: true });
  fs.copyFileSync(src, path.join(p.dir, 'package.json'));
  const logFile = path.join(p.dir, 'install.log');
  fs.writeFileSync(logFile, '');
  log(`  (npm output goes to ${logFile})`);

  // Step a: fetch everything, with no install scripts yet (this is how Node 24 itself arrives).
  const npmArgs = ['--no-audit', '--no-fund', '--loglevel=warn'];
  run('npm', ['install', '--ignore-scripts', ...npmArgs], { cwd: p.dir, logFile });
  // Step b: with Node 24 first on PATH and its headers as nodedir, run the approved install
  // scripts (allowScripts in package.json: code-server's postinstall and argon2's build).
  const nodedir = path.dirname(path.dirname(p.node));
  const env = { ...process.env, PATH: `${path.dirname(p.node)}:${process.env.PATH}`, npm_config_nodedir: nodedir };
  run('npm', ['rebuild', `--nodedir=${nodedir}`, '--foreground-scripts', ...npmArgs], { cwd: p.dir, env, logFile });

  const after = harnessLooksInstalled(p, wanted);
  if (after) throw new Error(`harness install incomplete: ${after} (were the install scripts approved? see ${logFile})`);
  const nodeVersion = execFileSync(p.node, ['--version']).toString().trim();
  fs.writeFileSync(p.stamp, JSON.stringify({ hash, node: nodeVersion, installedAt: new Date().toISOString() }, null, 2));
  log(`harness: installed (node ${nodeVersion}) [${secs(t)}]`);
}

try {
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error('the e2e harness supports linux-x64 only');
  setupApt();
  setupHarness();
  log(`ready in ${secs(t0)}`);
} catch (err) {
  console.error(`[e2e setup] FAILED after ${secs(t0)}: ${err.message}`);
  process.exit(1);
}
