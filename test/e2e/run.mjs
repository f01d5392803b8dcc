#!/usr/bin/env node
// End-to-end scenarios in a real VS Code: code-server (VS Code server + web workbench, real
// extension host) with the packaged extension installed, driven through headless Chromium.
// Usage: node test/e2e/run.mjs [workspaceFolder]        (run test/e2e/setup.mjs first)
// Env:   EKSNET_E2E_WORKSPACE   folder to open as is (default: a temp copy of test/e2e/workspace)
//        EKSNET_E2E_VSIX        vsix to install (default: dist/eksnet.vsix, built if missing)
//        EKSNET_E2E_ONLY        run only scenarios whose file name contains this text
//        EKSNET_E2E_RETRIES     extra attempts for a failed scenario (default 1; 0 for none)
//        EKSNET_E2E_TIMEOUT_MS  whole-run limit (default 480000), EKSNET_E2E_SCENARIO_TIMEOUT_MS (180000)
//        EKSNET_E2E_SCREENSHOTS where ctx.screenshot() writes (default docs/images)
//        EKSNET_E2E_KEEP=1      keep the temp folder (user data, logs) for inspection
// Prints one line per scenario and, last, "N passed, N failed"; exits 1 if anything failed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cacheDir, harnessPaths } from './lib/paths.mjs';
import { freePort, killAll, killAllSync, runToEnd, start, waitForHttp } from './lib/procs.mjs';
import { makeContext } from './lib/workbench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const env = process.env;
const GLOBAL_TIMEOUT = Number(env.EKSNET_E2E_TIMEOUT_MS || 8 * 60_000);
const SCENARIO_TIMEOUT = Number(env.EKSNET_E2E_SCENARIO_TIMEOUT_MS || 180_000);
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const USER_SETTINGS = {
  'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'telemetry.telemetryLevel': 'off',
  'update.mode': 'none', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false,
  'workbench.enableExperiments': false, 'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true, 'files.autoSave': 'off', 'editor.stickyScroll.enabled': false, 'workbench.editor.enablePreview': false, 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'git.enabled': false, 'window.restoreWindows': 'none',
};

const t0 = Date.now();
const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const log = (m) => console.log(`[e2e ${secs()}] ${m}`);
const results = []; // { name, ok, ms, error }
let browser;
let tmp;

async function ensureVsix() {
  const vsix = path.resolve(env.EKSNET_E2E_VSIX || path.join(repo, 'dist', 'eksnet.vsix'));
  if (fs.existsSync(vsix)) return { vsix };
  if (env.EKSNET_E2E_VSIX) return { problem: `EKSNET_E2E_VSIX=${vsix} does not exist` };
  log(`${path.relative(repo, vsix)} is missing: running "npm run package" in ${repo}`);
  const r = await runToEnd('npm', ['run', 'package'], { cwd: repo, env, logFile: path.join(tmp, 'package.log'), timeoutMs: 300_000 });
  if (r.code === 0 && fs.existsSync(vsix)) return { vsix };
  const tail = fs.readFileSync(path.join(tmp, 'package.log'), 'utf8').trim().split('\n').slice(-15).join('\n  ');
  return { problem: `"npm run package" did not produce ${vsix} (exit ${r.code}):\n  ${tail}` };
}

async function installExtension(h, vsix, dirs) {
  const logFile = path.join(tmp, 'install-extension.log');
  const r = await runToEnd(h.node, [h.codeServer, ...dirs, '--install-extension', vsix], { logFile, env: serverEnv() });
  const out = fs.readFileSync(logFile, 'utf8');
  if (r.code !== 0 || !/successfully installed/i.test(out)) return `--install-extension failed (exit ${r.code}): ${out.trim().split('\n').slice(-5).join(' | ')}`;
  log(`installed ${path.basename(vsix)}: ${out.trim().split('\n').pop()}`);
  return undefined;
}

function serverEnv() {
  const e = { ...env, PATH: `${path.dirname(harnessPaths().node)}:${env.PATH}` };
  for (const k of Object.keys(e)) if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') delete e[k];
  return e;
}

function prepareWorkspace() {
  const given = process.argv[2] || env.EKSNET_E2E_WORKSPACE;
  if (given) return path.resolve(given);
  // A fixed path (not inside the random temp folder): it shows in the peek titles of screenshots.
  const ws = path.join(os.tmpdir(), 'eksnet-e2e-workspace', 'shop');
  fs.rmSync(path.dirname(ws), { recursive: true, force: true });
  fs.cpSync(path.join(here, 'workspace'), ws, { recursive: true });
  return ws;
}

/** Waits until the Explorer lists the workspace and extension activation has finished (soft: on a
 *  busy machine this can take long; scenarios still wait for what they need themselves). */
async function waitUntilSettled(page) {
  const started = Date.now();
  try {
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: 60_000 });
    await page.waitForFunction(() => {
      const bar = document.querySelector('.statusbar');
      return bar && !/Activating Extensions/i.test(bar.textContent ?? '');
    }, undefined, { timeout: 60_000, polling: 200 });
    log(`workbench settled (${Date.now() - started} ms)`);
  } catch (e) {
    log(`workbench not settled after ${Date.now() - started} ms, going on: ${e.message.split('\n')[0]}`);
  }
}

const RETRIES = Number(env.EKSNET_E2E_RETRIES ?? 1);

async function runScenarios(ctx) {
  const only = env.EKSNET_E2E_ONLY;
  const files = fs.readdirSync(path.join(here, 'scenarios')).filter((f) => f.endsWith('.mjs') && (!only || f.includes(only))).sort();
  for (const file of files) {
    const started = Date.now();
    const entry = { name: file, running: true };
    results.push(entry);
    const mod = await import(pathToFileURL(path.join(here, 'scenarios', file))).catch((e) => ({ importError: e }));
    entry.name = mod.name || file;
    // A UI scenario gets one more attempt after a failure (timing in a loaded browser); the retry
    // is printed, and a scenario that fails twice fails the run.
    for (let attempt = 0; attempt <= RETRIES; attempt++) {
      try {
        if (mod.importError) throw mod.importError;
        let timer;
        const limit = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`scenario timed out after ${SCENARIO_TIMEOUT} ms`)), SCENARIO_TIMEOUT); });
        await Promise.race([mod.run({ ...ctx, log: (m) => log(`  [${entry.name}] ${m}`) }), limit]).finally(() => clearTimeout(timer));
        Object.assign(entry, { running: false, ok: true });
        console.log(`PASS ${entry.name} (${Date.now() - started} ms${attempt ? `, after ${attempt} retry` : ''})`);
        break;
      } catch (err) {
        const shot = path.join(tmp, `failure-${file.replace(/\.mjs$/, '')}-${attempt + 1}.png`);
        await ctx.page.screenshot({ path: shot }).then(() => log(`  failure screenshot: ${shot}`), () => {});
        await ctx.dismiss().catch(() => {});
        if (attempt < RETRIES && !mod.importError) {
          console.log(`RETRY ${entry.name}: ${err?.message ?? err}`);
          continue;
        }
        Object.assign(entry, { running: false, ok: false });
        console.log(`FAIL ${entry.name} (${Date.now() - started} ms): ${err?.message ?? err}`);
      }
    }
    await ctx.dismiss().catch(() => {});
  }
  return files.length;
}

async function main() {
  const h = harnessPaths();
  if (!fs.existsSync(h.stamp)) throw new Error(`e2e tools are not installed in ${cacheDir()}: run "node test/e2e/setup.mjs" first`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eksnet-e2e-'));
  log(`temp folder ${tmp}`);
  const dirs = ['--user-data-dir', path.join(tmp, 'user-data'), '--extensions-dir', path.join(tmp, 'extensions')];
  fs.mkdirSync(path.join(tmp, 'user-data', 'User'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'user-data', 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));

  const { vsix, problem: vsixProblem } = await ensureVsix();
  const installProblem = vsix ? await installExtension(h, vsix, dirs) : vsixProblem;
  if (installProblem) log(`WARNING: extension not installed: ${installProblem}`);

  const workspace = prepareWorkspace();
  const port = await freePort();
  const serverLog = path.join(tmp, 'code-server.log');
  log(`starting code-server on 127.0.0.1:${port} (log: ${serverLog})`);
  const server = start(h.node, [h.codeServer, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--config', path.join(tmp, 'config.yaml'),
    ...dirs, workspace], { logFile: serverLog, env: serverEnv(), cwd: tmp });
  await waitForHttp(port, server, 60_000).catch((e) => {
    throw new Error(`${e.message}\n${fs.readFileSync(serverLog, 'utf8').split('\n').slice(-20).join('\n')}`);
  });

  const { chromium } = (await import(pathToFileURL(h.playwright))).default;
  browser = await chromium.launch({ executablePath: h.chromium, headless: true, args: CHROMIUM_FLAGS });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(30_000); // each playwright action or wait, unless a helper says otherwise
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
  log(`opening ${url}`);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.locator('.monaco-workbench').first().waitFor({ state: 'visible', timeout: 60_000 });
  log('workbench loaded');
  await waitUntilSettled(page);

  const ctx = makeContext({
    page, workspace, log, port, url, tmp, serverLog,
    screenshotDir: path.resolve(env.EKSNET_E2E_SCREENSHOTS || path.join(repo, 'docs', 'images')),
    extension: { id: 'eksnet.eksnet', vsix, installed: !installProblem, problem: installProblem },
  });
  await runScenarios(ctx);
}

/** On failure, shows what our extension logged as errors (its output channels are log files). */
function printExtensionErrors() {
  const logs = path.join(tmp ?? '', 'user-data', 'logs');
  if (!tmp || !fs.existsSync(logs)) return;
  const files = fs.readdirSync(logs, { recursive: true }).map(String)
    .filter((f) => f.endsWith('.log') && (f.includes('eksnet.eksnet') || f.endsWith('remoteexthost.log')));
  for (const f of files) {
    const lines = fs.readFileSync(path.join(logs, f), 'utf8').split('\n');
    const errors = lines.flatMap((l, i) => (/\[error\]/.test(l) && (f.includes('eksnet') || /eksnet/i.test(l)) ? lines.slice(i, i + 3) : []));
    if (errors.length) log(`errors in ${path.join(logs, f)}:\n    ${errors.slice(0, 15).join('\n    ')}`);
  }
}

async function cleanup() {
  if (!results.every((r) => r.ok)) printExtensionErrors();
  await Promise.race([browser?.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
  await killAll();
  if (tmp && !env.EKSNET_E2E_KEEP && results.every((r) => r.ok)) fs.rmSync(tmp, { recursive: true, force: true });
  else if (tmp) log(`kept ${tmp} (logs, failure screenshots)`);
}

function finish(setupError) {
  if (setupError) {
    console.log(`FAIL e2e run: ${setupError.message ?? setupError}`);
    results.push({ name: 'e2e run', ok: false });
  }
  for (const r of results) if (r.running) { Object.assign(r, { running: false, ok: false }); console.log(`FAIL ${r.name}: interrupted`); }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  log(`finished in ${secs()}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

process.on('exit', killAllSync);
// A global timeout or a signal stops the run the same way: clean up, count, print the summary.
const stop = new Promise((resolve) => {
  const stopWith = (message) => resolve(Object.assign(new Error(message), { stopped: true }));
  setTimeout(() => stopWith(`global timeout of ${GLOBAL_TIMEOUT} ms reached`), GLOBAL_TIMEOUT).unref();
  for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => stopWith(`stopped by ${sig}`));
});
const error = await Promise.race([main().then(() => undefined, (e) => e), stop]);
if (error) console.error(`[e2e] ${error.stopped ? error.message : error.stack || error}`);
await cleanup();
process.exit(finish(error));
