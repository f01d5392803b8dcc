/**
 * A small LSP client for protocol tests: spawns the bundled server over stdio and speaks real
 * JSON-RPC (Content-Length framing). Waits are event-driven with time limits, never sleeps.
 */
import { spawn, ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const SERVER = path.join(__dirname, '..', '..', 'dist', 'server.js');

type Message = { jsonrpc: '2.0'; id?: number | string; method?: string; params?: unknown; result?: unknown; error?: { code: number; message: string } };

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  data?: unknown;
}

export class LspClient {
  private readonly proc: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners: ((m: Message) => void)[] = [];
  readonly notifications: Message[] = [];
  readonly stderr: string[] = [];
  /** Latest diagnostics per uri. */
  readonly diagnostics = new Map<string, { version?: number; diagnostics: Diagnostic[] }>();
  /** Answers to `workspace/configuration` requests (the `eksnet` section). */
  settings: Record<string, unknown> = {};

  constructor(args: readonly string[] = ['--stdio']) {
    this.proc = spawn(process.execPath, [SERVER, ...args], { stdio: 'pipe' });
    this.proc.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.proc.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
  }

  get exited(): Promise<number | null> {
    return new Promise((r) => (this.proc.exitCode !== null ? r(this.proc.exitCode) : this.proc.once('exit', (c) => r(c))));
  }

  async initialize(rootPath?: string, initializationOptions: unknown = {}, capabilities: Record<string, unknown> = {}): Promise<unknown> {
    const rootUri = rootPath ? pathToFileURL(rootPath).href : null;
    const result = await this.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
      initializationOptions,
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        window: { workDoneProgress: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } },
        ...capabilities,
      },
    });
    this.notify('initialized', {});
    return result;
  }

  /** Resolves once the server reports that initial indexing is done. */
  ready(timeoutMs = 20000): Promise<Message> {
    return this.waitFor((m) => m.method === 'eksnet/status' && (m.params as { state?: string }).state === 'ready', timeoutMs, 'indexing to finish');
  }

  open(uri: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  change(uri: string, version: number, text: string): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Waits for diagnostics of `uri` (optionally of a given document version, or matching a predicate). */
  async diagnosticsFor(uri: string, opts: { version?: number; where?: (d: Diagnostic[]) => boolean; timeoutMs?: number } = {}): Promise<Diagnostic[]> {
    const ok = (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) =>
      p.uri === uri && (opts.version === undefined || p.version === opts.version) && (!opts.where || opts.where(p.diagnostics));
    const have = this.diagnostics.get(uri);
    if (have && ok({ uri, ...have })) return have.diagnostics;
    const m = await this.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && ok(m.params as { uri: string; version?: number; diagnostics: Diagnostic[] }), opts.timeoutMs ?? 10000, `diagnostics for ${uri}`);
    return (m.params as { diagnostics: Diagnostic[] }).diagnostics;
  }

  request<T = unknown>(method: string, params: unknown, timeoutMs = 10000): Promise<T> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out; server stderr: ${this.stderr.join('')}`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  waitFor(pred: (m: Message) => boolean, timeoutMs: number, what: string): Promise<Message> {
    const seen = this.notifications.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        reject(new Error(`timed out waiting for ${what}; server stderr: ${this.stderr.join('')}`));
      }, timeoutMs);
      const listener = (m: Message) => {
        if (!pred(m)) return;
        clearTimeout(timer);
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        resolve(m);
      };
      this.listeners.push(listener);
    });
  }

  async shutdown(): Promise<void> {
    try {
      await this.request('shutdown', null, 3000);
      this.notify('exit', null);
    } catch {
      // the server is already gone
    }
    const exited = this.exited;
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }

  private send(m: Message): void {
    const body = Buffer.from(JSON.stringify(m), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const sep = this.buffer.indexOf('\r\n\r\n');
      if (sep < 0) return;
      const header = this.buffer.subarray(0, sep).toString();
      const len = Number(/Content-Length: (\d+)/i.exec(header)?.[1]);
      if (this.buffer.length < sep + 4 + len) return;
      const body = this.buffer.subarray(sep + 4, sep + 4 + len).toString('utf8');
      this.buffer = this.buffer.subarray(sep + 4 + len);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(m: Message): void {
    if (m.id !== undefined && m.method === undefined) {
      const p = this.pending.get(m.id as number);
      this.pending.delete(m.id as number);
      if (m.error) p?.reject(new Error(m.error.message));
      else p?.resolve(m.result);
      return;
    }
    if (m.id !== undefined && m.method) {
      // A request from the server: answer the ones a client must.
      let result: unknown = null;
      if (m.method === 'workspace/configuration') result = ((m.params as { items: unknown[] }).items ?? []).map(() => this.settings);
      this.send({ jsonrpc: '2.0', id: m.id, result });
      return;
    }
    if (m.method === 'textDocument/publishDiagnostics') {
      const p = m.params as { uri: string; version?: number; diagnostics: Diagnostic[] };
      this.diagnostics.set(p.uri, { ...(p.version !== undefined ? { version: p.version } : {}), diagnostics: p.diagnostics });
    }
    this.notifications.push(m);
    for (const l of [...this.listeners]) l(m);
  }
}

export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, at + delta);
  const lines = before.split('\n');
  return { line: lines.length - 1, character: (lines[lines.length - 1] as string).length };
}

/** A temporary workspace holding `files` (relative path → text), a server that has indexed it, and `stop` for both. */
export async function startInWorkspace(prefix: string, files: Record<string, string>): Promise<{ dir: string; client: LspClient; stop(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  const client = new LspClient();
  await client.initialize(dir);
  await client.ready();
  return {
    dir,
    client,
    async stop() {
      await client.shutdown();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
