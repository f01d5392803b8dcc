#!/usr/bin/env node
// Benchmarks eksnet's language server + CLI against yaml-language-server and a bare-parse floor.
//
//   node run.mjs [--quick] [--only ours|yls|floor[,...]] [--phases single,workspace] [--label NAME] [--iterations N]
//                [--wait-idle] [--ours-server PATH] [--ours-cli PATH]   (defaults: ../dist/server.js, ../dist/cli.js)
//
// Prints a Markdown table and writes results/<date>-<label>.md. See README.md.
import { spawn, execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LspClient } from './lsp-client.mjs';
import { spreadIngress, writeWorkspace } from './generate.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const argv = process.argv.slice(2);
const opt = (n) => { const i = argv.indexOf(n); return i >= 0 ? argv[i + 1] : undefined; };
const QUICK = argv.includes('--quick');
const ONLY = new Set((opt('--only') ?? 'ours,yls,floor').split(','));
const ITER = Number(opt('--iterations') ?? (QUICK ? 6 : 30));
/** --phases single,workspace (default both): run only some of the server scenarios. */
const PHASES = (opt('--phases') ?? 'single,workspace').split(',');
const SIZE = QUICK ? { single: 500, files: 200, docs: 800 } : { single: 10_000, files: 5000, docs: 20_000 };
const LABEL = (opt('--label') ?? (QUICK ? 'quick' : 'full')).replace(/[^\w.-]/g, '_');
const STEP_MS = 120_000; // any single wait (open, request, indexing, open-all)
const EDIT_MS = 60_000; // one edit -> diagnostics
const LOOP_MS = QUICK ? 60_000 : 300_000; // a whole measuring loop stops after this long, whatever its count
const NO_PROGRESS_MS = 10_000; // a server that has begun no $/progress by then reports no indexing
const WORK = join(HERE, '.work');
const LOGS = join(WORK, 'logs');

const SERVERS = {
  ours: {
    args: [resolve(opt('--ours-server') ?? join(ROOT, 'dist/server.js')), '--stdio'],
    settings: { eksnet: {} },
    indexes: true, // workspace indexing, cross-file diagnostics
  },
  yls: {
    args: [join(HERE, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'],
    // No schema store / CRD store downloads (no network); validation on; no schemas associated.
    settings: {
      yaml: { validate: true, hover: true, completion: true, format: { enable: false }, schemas: {},
        schemaStore: { enable: false }, kubernetesCRDStore: { enable: false } },
      http: { proxy: '', proxyStrictSSL: false }, '[yaml]': {}, editor: {},
    },
    indexes: false,
  },
};

// ---------------------------------------------------------------------------------------------
// results[key][server] = { samples: number[], timeouts, note }
const results = {};
const rec = (key, server, value) => ((results[key] ??= {})[server] ??= { samples: [], timeouts: 0 }).samples.push(value);
const note = (key, server, text) => { const r = ((results[key] ??= {})[server] ??= { samples: [], timeouts: 0 }); if (!r.note?.includes(text)) r.note = r.note ? `${r.note}; ${text}` : text; };
const timeout = (key, server) => { ((results[key] ??= {})[server] ??= { samples: [], timeouts: 0 }).timeouts++; };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.now();
const log = (...a) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...a);
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
/** With --wait-idle: before a phase, wait (at most 10 min) until the 1-min load average is below the core count. */
async function waitIdle() {
  if (!argv.includes('--wait-idle')) return;
  const start = now();
  while (Number(load().split(' ')[0]) >= cpus().length && now() - start < 600_000) await sleep(5000);
}
const loads = []; // [phase, loadavg] — other processes on this 2-core machine skew every number

const CAPABILITIES = {
  general: { positionEncodings: ['utf-16'] },
  window: { workDoneProgress: true },
  workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true } },
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { contextSupport: true, completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
  },
};

async function startServer(name, dir, phase) {
  const uri = pathToFileURL(dir).href;
  const c = new LspClient(process.execPath, SERVERS[name].args, {
    cwd: HERE, settings: SERVERS[name].settings, folders: [{ uri, name: 'bench' }], stderrFile: join(LOGS, `${name}-${phase}.log`),
  });
  try {
    const { result } = await c.request('initialize', { processId: process.pid, rootUri: uri, rootPath: dir,
      workspaceFolders: [{ uri, name: 'bench' }], capabilities: CAPABILITIES, initializationOptions: {} }, STEP_MS);
    const t0 = now();
    c.notify('initialized', {});
    return { c, caps: result.capabilities, t0 };
  } catch (e) { c.kill(); throw e; }
}

const open = (c, uri, text) => c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
/** Next publishDiagnostics for uri that is not older than `version` (when the server sends versions). */
const diagnostics = (c, uri, version, ms = STEP_MS) =>
  c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && (p.version == null || version == null || p.version >= version), ms);
const syncKind = (caps) => (typeof caps.textDocumentSync === 'number' ? caps.textDocumentSync : caps.textDocumentSync?.change ?? 0);

/** Runs fn(i) up to count times within LOOP_MS; fn returns a number (recorded) or throws (timeout; loop ends). */
async function loop(key, server, count, fn) {
  const start = now();
  let i = 0;
  for (; i < count && now() - start < LOOP_MS; i++) {
    try { rec(key, server, await fn(i)); } catch (e) {
      timeout(key, server);
      note(key, server, String(e.message ?? e));
      return;
    }
  }
  if (i < count) note(key, server, `stopped after ${i} of ${count}: ${LOOP_MS / 1000} s budget`);
}

// ---------------------------------------------------------------------------------------------
const TYPO_COL = '    alb.ingress.kubernetes.io/sch'.length; // the 'e' of 'scheme' that edits delete and re-insert

async function singleFile(name, dir, meta) {
  const file = join(dir, 'all.yaml');
  const uri = pathToFileURL(file).href;
  const lines = readFileSync(file, 'utf8').split('\n');
  const { c, caps } = await startServer(name, dir, 'single');
  try {
    let t = now();
    open(c, uri, lines.join('\n'));
    await diagnostics(c, uri, 1);
    rec('single.open', name, now() - t);
    rec('single.memory', name, c.memory().rssMiB);
    let version = 1;
    const modes = ['full'];
    if (name === 'ours' && syncKind(caps) === 2) modes.push('incremental');
    for (const mode of modes) {
      await loop(`single.edit.${mode}`, name, ITER, async (i) => {
        const ing = spreadIngress(meta, Math.floor(i / 2), Math.ceil(ITER / 2));
        const line = lines[ing.schemeLine];
        const intact = line.startsWith('scheme', TYPO_COL - 3);
        lines[ing.schemeLine] = intact ? line.slice(0, TYPO_COL) + line.slice(TYPO_COL + 1) : line.slice(0, TYPO_COL) + 'e' + line.slice(TYPO_COL);
        const at = { line: ing.schemeLine, character: TYPO_COL };
        const change = mode === 'full' ? { text: lines.join('\n') }
          : intact ? { range: { start: at, end: { ...at, character: TYPO_COL + 1 } }, text: '' } : { range: { start: at, end: at }, text: 'e' };
        version++;
        const done = diagnostics(c, uri, version, EDIT_MS);
        t = now();
        c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
        await done;
        const ms = now() - t;
        await sleep(30); // let trailing publishes of this version drain
        return ms;
      });
    }
    const pos = (i, kind) => {
      const ing = spreadIngress(meta, i, ITER);
      if (kind === 'hover') return { line: ing.targetTypeLine, character: 4 + 'alb.ingress.kubernetes.io/tar'.length };
      return i % 2 === 0 ? { line: ing.targetTypeLine, character: 4 + 'alb.ingress.kubernetes.io/'.length } // key prefix
        : { line: ing.schemeLine, character: lines[ing.schemeLine].length }; // end of value
    };
    for (const kind of ['hover', 'completion']) {
      await loop(`single.${kind}`, name, ITER, async (i) =>
        (await c.request(`textDocument/${kind}`, { textDocument: { uri }, position: pos(i, kind) }, STEP_MS)).ms);
    }
    rec('single.hwm', name, c.memory().hwmMiB);
  } finally { await c.stop(); }
}

/** Sends hovers on `position` of uri one after another until done() or the loop bound; records latencies. */
async function hoverWhile(key, name, c, uri, position, done) {
  const start = now();
  for (let i = 0; i < 100 && !done() && now() - start < LOOP_MS; i++) {
    try { rec(key, name, (await c.request('textDocument/hover', { textDocument: { uri }, position }, STEP_MS)).ms); } catch (e) {
      timeout(key, name); note(key, name, String(e.message ?? e)); return;
    }
    await sleep(200);
  }
}

async function workspace(name, dir, meta) {
  const { cross } = meta;
  const uriOf = (f) => pathToFileURL(join(dir, f)).href;
  const A = uriOf(cross.labelFile), B = uriOf(cross.consumerFile);
  const aLines = readFileSync(join(dir, cross.labelFile), 'utf8').split('\n');
  const { c, t0 } = await startServer(name, dir, 'workspace');
  try {
    // Indexing end: every $/progress that began has ended, and none began for 500 ms (time of the last end).
    let lastEnd = 0;
    const titles = new Set();
    c.on('$/progress', (p) => {
      if (p?.value?.kind === 'end') lastEnd = now();
      if (p?.value?.kind === 'begin') titles.add(p.value.title);
    });
    const indexing = () => [...c.progressTokens.values()].some((s) => s === 'begun');
    const indexed = async () => {
      const limit = t0 + STEP_MS;
      while (now() < limit) {
        const states = [...c.progressTokens.values()];
        if (states.includes('ended') && !states.includes('begun') && now() - lastEnd > 500) return lastEnd - t0;
        if (!states.some((s) => s === 'begun' || s === 'ended') && now() - t0 > NO_PROGRESS_MS) return null;
        await sleep(10);
      }
      throw new Error(`indexing not finished within ${STEP_MS} ms`);
    };
    const bFirst = diagnostics(c, B, 1);
    open(c, B, readFileSync(join(dir, cross.consumerFile), 'utf8'));
    open(c, A, aLines.join('\n'));
    let finished = false;
    const index = indexed().finally(() => { finished = true; });
    await sleep(0);
    const hovering = hoverWhile('ws.hoverIndexing', name, c, B, { line: 1, character: 8 }, () => finished || (!indexing() && now() - t0 > 2000));
    await bFirst;
    rec('ws.firstDiag', name, now() - t0);
    const indexMs = await index;
    await hovering;
    if (indexMs == null) {
      note('ws.index', name, `no $/progress within ${NO_PROGRESS_MS / 1000} s`);
      delete results['ws.hoverIndexing']?.[name];
    } else {
      rec('ws.index', name, indexMs);
      note('ws.index', name, `progress: ${[...titles].map((t) => JSON.stringify(t)).join(', ')}`);
      rec('ws.memIndexed', name, c.memory().rssMiB);
    }

    if (SERVERS[name].indexes) {
      let v = 1;
      await loop('ws.cross', name, ITER, async (i) => {
        const line = aLines[cross.labelLine];
        aLines[cross.labelLine] = i % 2 === 0 ? line.replace(cross.labelValue, `${cross.labelValue}-x`) : line.replace(`${cross.labelValue}-x`, cross.labelValue);
        const done = diagnostics(c, B, null, EDIT_MS);
        const t = now();
        c.notify('textDocument/didChange', { textDocument: { uri: A, version: ++v }, contentChanges: [{ text: aLines.join('\n') }] });
        await done;
        const ms = now() - t;
        await sleep(50);
        return ms;
      });
    } else note('ws.cross', name, 'n/a: no cross-file analysis');

    // Open every other file; time until each has diagnostics. Hovers on B meanwhile.
    const waiting = new Set();
    const allFiles = listYaml(dir).filter((f) => f !== cross.labelFile && f !== cross.consumerFile);
    c.on('textDocument/publishDiagnostics', (p) => waiting.delete(p.uri));
    const t = now();
    let hov = Promise.resolve();
    for (const f of allFiles) {
      const uri = uriOf(f);
      waiting.add(uri);
      open(c, uri, readFileSync(join(dir, f), 'utf8'));
      if (waiting.size === 1) hov = hoverWhile('ws.hoverOpenAll', name, c, B, { line: 1, character: 8 }, () => waiting.size === 0);
    }
    while (waiting.size && now() - t < STEP_MS) await sleep(10);
    if (waiting.size) { timeout('ws.openAll', name); note('ws.openAll', name, `${waiting.size} of ${allFiles.length} files without diagnostics after ${STEP_MS / 1000} s`); }
    else rec('ws.openAll', name, now() - t);
    await hov;
    const m = c.memory();
    rec('ws.memAllOpen', name, m.rssMiB);
    rec('ws.hwm', name, m.hwmMiB);
  } finally { await c.stop(); }
}

function listYaml(dir, rel = '') {
  const out = [];
  for (const e of readdirSyncSorted(join(dir, rel))) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listYaml(dir, r));
    else if (/\.ya?ml$/.test(e.name)) out.push(r);
  }
  return out;
}
const readdirSyncSorted = (d) => readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));

/** Runs a command with a time limit; resolves { ms, code }. stdout goes to a file. */
function timed(cmd, args, outFile, limitMs) {
  return new Promise((res, rej) => {
    const out = createWriteStream(outFile);
    const t = now();
    const p = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    p.stdout.pipe(out);
    p.stderr.on('data', (d) => { err = (err + d).slice(-2000); });
    const timer = setTimeout(() => { p.kill('SIGKILL'); rej(new Error(`timed out after ${limitMs} ms`)); }, limitMs);
    p.on('error', (e) => { clearTimeout(timer); rej(e); });
    p.on('close', (code) => { const ms = now() - t; clearTimeout(timer); out.end(() => res({ ms, code, err })); });
  });
}

const errLine = (err) => err.split('\n').find((l) => /error/i.test(l))?.trim() ?? err.trim().split('\n').pop() ?? '';

async function cli(dir, meta) {
  const cliJs = resolve(opt('--ours-cli') ?? join(ROOT, 'dist/cli.js'));
  if (!existsSync(cliJs)) return note('cli.throughput', 'ours', 'dist/cli.js missing');
  const outFile = join(WORK, 'cli-output.json');
  await loop('cli.throughput', 'ours', 3, async () => {
    const r = await timed(process.execPath, [cliJs, 'lint', '--format', 'json', dir], outFile, 300_000);
    if (r.code !== 0 && r.code !== 1) throw new Error(`cli exited ${r.code}: ${errLine(r.err)}`);
    try { JSON.parse(readFileSync(outFile, 'utf8')); } catch { throw new Error(`output is not JSON (exit ${r.code}): ${errLine(r.err)}`); }
    return meta.docs / (r.ms / 1000);
  });
}

async function floor(singleDir, singleMeta, wsDir) {
  const run = async (args) => {
    const r = await timed(process.execPath, [join(HERE, 'floor.mjs'), ...args], join(WORK, 'floor-output.json'), 600_000);
    if (r.code !== 0) throw new Error(`floor.mjs exited ${r.code}: ${r.err}`);
    return JSON.parse(readFileSync(join(WORK, 'floor-output.json'), 'utf8'));
  };
  const s = await run(['single', join(singleDir, 'all.yaml'), `${singleDir}.meta.json`, String(ITER)]);
  rec('single.open', 'floor', s.openMs);
  s.editMs.forEach((v) => rec('single.edit.full', 'floor', v));
  s.oneDocMs.forEach((v) => rec('single.edit.incremental', 'floor', v));
  note('single.edit.incremental', 'floor', 'reparse of the edited document only');
  rec('single.memory', 'floor', s.memory.rssMiB);
  rec('single.hwm', 'floor', s.memoryAfter.hwmMiB);
  const w = await run(['workspace', wsDir, '3']);
  w.indexMs.forEach((v) => { rec('ws.index', 'floor', v); rec('ws.openAll', 'floor', v); rec('cli.throughput', 'floor', w.docs / (v / 1000)); });
  note('ws.index', 'floor', 'read + parse every file');
  rec('ws.memIndexed', 'floor', w.memory.rssMiB);
  rec('ws.memAllOpen', 'floor', w.memory.rssMiB);
  rec('ws.hwm', 'floor', w.memory.hwmMiB);
}

// ---------------------------------------------------------------------------------------------
const ROWS = [
  ['single.open', `1 file × ${SIZE.single} docs: didOpen → diagnostics (ms)`],
  ['single.edit.full', 'edit → fresh diagnostics, full sync (ms)'],
  ['single.edit.incremental', 'edit → fresh diagnostics, incremental sync (ms)'],
  ['single.hover', 'hover (ms)'],
  ['single.completion', 'completion (ms)'],
  ['single.memory', 'RSS after open (MiB)'],
  ['single.hwm', 'peak RSS, VmHWM (MiB)'],
  ['ws.firstDiag', `${SIZE.files} files / ${SIZE.docs} docs: initialized → diagnostics of an opened file (ms)`],
  ['ws.index', 'initialized → indexing $/progress end (ms)'],
  ['ws.hoverIndexing', 'hover during indexing (ms)'],
  ['ws.cross', 'label edit → other open file re-diagnosed (ms)'],
  ['ws.openAll', 'didOpen all files → diagnostics for all (ms)'],
  ['ws.hoverOpenAll', 'hover during open-all (ms)'],
  ['ws.memIndexed', 'RSS, workspace indexed (MiB)'],
  ['ws.memAllOpen', 'RSS, all files open (MiB)'],
  ['ws.hwm', 'peak RSS, VmHWM (MiB)'],
  ['cli.throughput', `CLI lint ${SIZE.docs} docs (docs/s, higher is better)`],
];

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const fmt = (v) => (v == null || Number.isNaN(v) ? '' : v >= 100 ? String(Math.round(v)) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

function table() {
  const cols = ['ours', 'yls', 'floor'];
  const head = ['Scenario', 'ours p50', 'ours p95', 'yls p50', 'yls p95', 'yls ÷ ours', 'floor p50', 'floor p95', 'floor ÷ ours'];
  const out = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i ? '---:' : '---')).join('|')}|`];
  const notes = [];
  for (const [key, label] of ROWS) {
    const cells = [label];
    const med = {};
    for (const s of cols) {
      const r = results[key]?.[s];
      if (r?.note || r?.timeouts) notes.push(`- ${label} — ${s}: ${r.timeouts ? `${r.timeouts} failed or timed out; ` : ''}${r.note ?? ''}`);
      if (!r?.samples.length) { cells.push(ONLY.has(s) && r?.note?.startsWith('n/a') ? 'n/a' : '—', ''); }
      else {
        med[s] = pct(r.samples, 50);
        cells.push(fmt(med[s]), r.samples.length > 1 ? `${fmt(pct(r.samples, 95))} (n=${r.samples.length})` : '(n=1)');
      }
      if (s !== 'ours') cells.push(med[s] != null && med.ours ? `${(med[s] / med.ours).toFixed(2)}×` : '');
    }
    out.push(`| ${cells.join(' | ')} |`);
  }
  return { md: out.join('\n'), notes: notes.join('\n') };
}

function machine() {
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  const pkg = (p) => { try { return JSON.parse(readFileSync(join(HERE, 'node_modules', p, 'package.json'), 'utf8')).version; } catch { return 'not installed'; } };
  let commit = 'no commit';
  try { commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch { /* none */ }
  const server = join(ROOT, 'dist/server.js');
  return [`- CPU: ${cpu}, ${cpus().length} cores; memory ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node ${process.version}; yaml-language-server ${pkg('yaml-language-server')}; yaml ${pkg('yaml')}`,
    `- eksnet: commit ${commit}; dist/server.js ${existsSync(server) ? `built ${statSync(server).mtime.toISOString()}` : 'missing'}`,
    `- Load average (1/5/15 min) when each phase began: ${loads.map(([p, l]) => `${p}: ${l}`).join('; ')}; at the end: ${load()}`
      + (loads.some(([, l]) => Number(l.split(' ')[0]) > cpus().length) ? ' — **the machine was busy: numbers are unreliable**' : ''),
    `- Sizes: single file ${SIZE.single} docs; workspace ${SIZE.files} files / ${SIZE.docs} docs; ${ITER} iterations per loop`].join('\n');
}

async function main() {
  mkdirSync(LOGS, { recursive: true });
  const singleDir = join(WORK, `single-${SIZE.single}`);
  const wsDir = join(WORK, `ws-${SIZE.files}-${SIZE.docs}`);
  log('generating workspaces');
  const singleMeta = writeWorkspace(singleDir, { files: 1, docs: SIZE.single });
  const wsMeta = writeWorkspace(wsDir, { files: SIZE.files, docs: SIZE.docs });
  log(`single: ${singleMeta.lines} lines; workspace: ${wsMeta.lines} lines`);

  for (const name of ['ours', 'yls']) {
    if (!ONLY.has(name)) continue;
    if (!existsSync(SERVERS[name].args[0])) {
      log(`${name}: ${SERVERS[name].args[0]} missing, skipped`);
      note('single.open', name, `${SERVERS[name].args[0]} missing: skipped`);
      continue;
    }
    for (const [phase, fn] of [['single file', () => singleFile(name, singleDir, singleMeta)], ['workspace', () => workspace(name, wsDir, wsMeta)]].filter(([p]) => PHASES.includes(p.split(' ')[0]))) {
      await waitIdle();
      log(`${name}: ${phase} (load ${load()})`);
      loads.push([`${name} ${phase}`, load()]);
      try { await fn(); } catch (e) { log(`${name}: ${phase} failed: ${e.message}`); note(phase === 'workspace' ? 'ws.firstDiag' : 'single.open', name, `failed: ${e.message}`); }
    }
    if (name === 'ours') { log('ours: CLI'); await cli(wsDir, wsMeta).catch((e) => note('cli.throughput', 'ours', `failed: ${e.message}`)); }
  }
  if (ONLY.has('floor')) { await waitIdle(); log(`floor (load ${load()})`); loads.push(['floor', load()]); await floor(singleDir, singleMeta, wsDir).catch((e) => note('single.open', 'floor', `failed: ${e.message}`)); }

  const { md, notes } = table();
  const date = new Date().toISOString().slice(0, 10);
  const report = `# eksnet benchmark — ${date} (${LABEL})\n\n${machine()}\n\n${md}\n\nRatios are medians ÷ ours (for latency and memory, above 1× means ours is better; for docs/s, below 1×).\n\n${notes ? `Notes:\n${notes}\n\n` : ''}<details><summary>raw samples</summary>\n\n\`\`\`json\n${JSON.stringify(results)}\n\`\`\`\n</details>\n`;
  console.log(`\n${md}\n${notes ? `\n${notes}\n` : ''}`);
  if (argv.includes('--no-save')) return; // smoke runs (the test suite) keep no results file
  mkdirSync(join(HERE, 'results'), { recursive: true });
  let file = join(HERE, 'results', `${date}-${LABEL}.md`);
  for (let i = 2; existsSync(file); i++) file = join(HERE, 'results', `${date}-${LABEL}-${i}.md`);
  writeFileSync(file, report);
  log(`wrote ${file}`);
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
