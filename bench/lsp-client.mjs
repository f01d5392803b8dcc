// Minimal LSP JSON-RPC client over stdio. No dependencies.
//
//   const c = new LspClient(process.execPath, ['server.js', '--stdio'], { settings: { yaml: {...} } });
//   await c.request('initialize', {...});
//   c.notify('initialized', {});
//   const d = await c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri, 120_000);
//   await c.stop();
//
// Server->client requests are answered: workspace/configuration with `settings[section]`
// (null when unknown), window/workDoneProgress/create, client/(un)registerCapability and
// window/showMessageRequest with null, workspace/workspaceFolders with `folders`.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';

const live = new Set();
process.on('exit', () => { for (const c of live) c.kill(); });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

export class LspClient {
  constructor(command, args, { cwd, settings = {}, folders = null, stderrFile, env } = {}) {
    this.settings = settings;
    this.folders = folders;
    this.nextId = 1;
    this.pending = new Map(); // id -> { resolve, reject, timer, method }
    this.waiters = new Set(); // { method, pred, resolve, reject, timer }
    this.handlers = new Map(); // method -> [fn]
    this.progressTokens = new Map(); // token -> 'created' | 'begun' | 'ended'
    this.chunks = [];
    this.buffered = 0;
    this.expect = -1;
    this.exited = false;
    this.proc = spawn(command, args, { cwd, env: env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.pid = this.proc.pid;
    live.add(this);
    const log = stderrFile ? createWriteStream(stderrFile) : null;
    this.proc.stderr.on('data', (d) => log?.write(d));
    this.proc.stdout.on('data', (d) => this.onData(d));
    this.proc.stdin.on('error', () => {});
    this.exitPromise = new Promise((res) => this.proc.on('exit', (code, signal) => {
      this.exited = true;
      live.delete(this);
      log?.end();
      const err = new Error(`server exited (code ${code}, signal ${signal})`);
      for (const p of this.pending.values()) { clearTimeout(p.timer); p.reject(err); }
      for (const w of this.waiters) { clearTimeout(w.timer); w.reject(err); }
      this.pending.clear();
      this.waiters.clear();
      res({ code, signal });
    }));
    this.proc.on('error', () => {});
  }

  send(msg) {
    if (this.exited) throw new Error('server has exited');
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  /** Sends a request; resolves with { result, ms }; rejects on error response or timeout. */
  request(method, params, timeoutMs = 120_000) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const t0 = performance.now();
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        method, timer, reject,
        resolve: (result) => resolve({ result, ms: performance.now() - t0 }),
      });
      try { this.send({ jsonrpc: '2.0', id, method, params }); } catch (e) { clearTimeout(timer); this.pending.delete(id); reject(e); }
    });
  }

  notify(method, params) { this.send({ jsonrpc: '2.0', method, params }); }

  /** Calls fn(params) for every notification of `method`. */
  on(method, fn) {
    if (!this.handlers.has(method)) this.handlers.set(method, []);
    this.handlers.get(method).push(fn);
  }

  /** Resolves with the params of the next `method` notification for which pred(params) is true. */
  waitFor(method, pred = () => true, timeoutMs = 120_000) {
    return new Promise((resolve, reject) => {
      if (this.exited) return reject(new Error('server has exited'));
      const w = { method, pred, resolve, reject };
      w.timer = setTimeout(() => { this.waiters.delete(w); reject(new Error(`no ${method} within ${timeoutMs} ms`)); }, timeoutMs);
      this.waiters.add(w);
    });
  }

  onData(chunk) {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.expect < 0) {
        const buf = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
        this.chunks = [buf];
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const m = /Content-Length:\s*(\d+)/i.exec(buf.subarray(0, end).toString('ascii'));
        if (!m) throw new Error('LSP frame without Content-Length');
        this.expect = Number(m[1]);
        this.chunks = [buf.subarray(end + 4)];
        this.buffered = buf.length - end - 4;
      }
      if (this.buffered < this.expect) return;
      const buf = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
      const body = buf.subarray(0, this.expect).toString('utf8');
      this.chunks = [buf.subarray(this.expect)];
      this.buffered = buf.length - this.expect;
      this.expect = -1;
      this.dispatch(JSON.parse(body));
    }
  }

  dispatch(msg) {
    if (msg.id !== undefined && msg.method === undefined) { // response
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.code} ${msg.error.message}`));
      else p.resolve(msg.result);
    } else if (msg.id !== undefined) { // server -> client request
      const reply = (result, error) => this.send(error ? { jsonrpc: '2.0', id: msg.id, error } : { jsonrpc: '2.0', id: msg.id, result });
      switch (msg.method) {
        case 'workspace/configuration':
          return reply(msg.params.items.map((it) => (it.section !== undefined ? this.settings[it.section] ?? null : null)));
        case 'window/workDoneProgress/create':
          this.progressTokens.set(msg.params.token, 'created');
          return reply(null);
        case 'workspace/workspaceFolders':
          return reply(this.folders);
        case 'client/registerCapability':
        case 'client/unregisterCapability':
        case 'window/showMessageRequest':
        case 'workspace/diagnostic/refresh':
        case 'workspace/semanticTokens/refresh':
        case 'workspace/inlayHint/refresh':
        case 'workspace/codeLens/refresh':
          return reply(null);
        case 'workspace/applyEdit':
          return reply({ applied: false });
        default:
          return reply(undefined, { code: -32601, message: `unhandled ${msg.method}` });
      }
    } else { // notification
      if (msg.method === '$/progress') {
        const kind = msg.params?.value?.kind;
        if (kind === 'begin' || kind === 'end') this.progressTokens.set(msg.params.token, kind === 'begin' ? 'begun' : 'ended');
      }
      for (const fn of this.handlers.get(msg.method) ?? []) fn(msg.params);
      for (const w of this.waiters) {
        if (w.method === msg.method && w.pred(msg.params)) {
          this.waiters.delete(w);
          clearTimeout(w.timer);
          w.resolve(msg.params);
        }
      }
    }
  }

  /** VmRSS / VmHWM of the server process in MiB (Linux). */
  memory() {
    try {
      const s = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? NaN);
      return { rssMiB: kb('VmRSS') / 1024, hwmMiB: kb('VmHWM') / 1024 };
    } catch { return { rssMiB: NaN, hwmMiB: NaN }; }
  }

  /** Polite shutdown (bounded), then SIGKILL if still alive. */
  async stop(timeoutMs = 5000) {
    if (this.exited) return;
    try {
      await this.request('shutdown', null, timeoutMs);
      this.notify('exit');
    } catch { /* fall through to kill */ }
    const t = new Promise((res) => setTimeout(res, 2000).unref());
    await Promise.race([this.exitPromise, t]);
    this.kill();
  }

  kill() {
    if (!this.exited) try { this.proc.kill('SIGKILL'); } catch { /* gone */ }
  }
}
