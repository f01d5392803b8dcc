// Child processes of the e2e run: code-server (in its own process group, so that its extension
// host and helpers die with it) and one-shot commands. Everything started here is killed by killAll().
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

const groups = new Set(); // pids of detached process groups we started

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts a command in its own process group; stdout+stderr are appended to logFile. */
export function start(cmd, args, { logFile, env, cwd } = {}) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  groups.add(child.pid);
  child.on('exit', () => groups.delete(child.pid));
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return child;
}

/** Runs a command to completion (with a time limit); resolves { code, output }. */
export async function runToEnd(cmd, args, { logFile, env, cwd, timeoutMs = 120_000 } = {}) {
  const child = start(cmd, args, { logFile, env, cwd });
  const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), timeoutMs);
  const { code, signal } = await child.exited;
  clearTimeout(timer);
  return { code: signal ? `signal ${signal}` : code };
}

function killGroup(pid, signal) {
  try { process.kill(-pid, signal); } catch { /* already gone */ }
}

function alive(pid) {
  try { process.kill(-pid, 0); return true; } catch { return false; }
}

/** SIGTERM every group we started, then SIGKILL what is still there after graceMs. */
export async function killAll(graceMs = 3000) {
  const pids = [...groups];
  pids.forEach((pid) => killGroup(pid, 'SIGTERM'));
  const until = Date.now() + graceMs;
  while (pids.some(alive) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  pids.filter(alive).forEach((pid) => killGroup(pid, 'SIGKILL'));
  pids.forEach((pid) => groups.delete(pid));
}

/** Synchronous last resort for process 'exit'. */
export function killAllSync() {
  for (const pid of groups) killGroup(pid, 'SIGKILL');
}

/** Polls fn until it returns a truthy value; throws with `what` after timeoutMs. */
export async function poll(fn, { timeoutMs = 10_000, intervalMs = 100, what = 'condition' } = {}) {
  const until = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) { lastError = e; }
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${lastError.message})` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Waits until http://127.0.0.1:port/healthz answers 200; throws if the child exits first. */
export async function waitForHttp(port, child, timeoutMs) {
  let exited;
  child.exited.then((e) => { exited = e; });
  await poll(async () => {
    if (exited) return true;
    const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
    return res?.ok;
  }, { timeoutMs, intervalMs: 200, what: `code-server on port ${port}` });
  if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)})`);
}
