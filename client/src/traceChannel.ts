/**
 * The channel `eksnet.trace.server` writes to. The language client wants a log channel and writes
 * its traces at the trace level, which a log channel hides at its default Info level: traces would
 * silently go nowhere. This one shows every level, over a plain output channel.
 */
import * as vscode from 'vscode';

export function createTraceChannel(name: string): vscode.LogOutputChannel {
  const channel = vscode.window.createOutputChannel(name);
  const levelChanged = new vscode.EventEmitter<vscode.LogLevel>();
  const line = (level: string) => (message: string | Error, ...args: unknown[]) =>
    channel.appendLine(`[${new Date().toISOString()}] [${level}] ${message instanceof Error ? (message.stack ?? message.message) : message}${args.length ? ' ' + args.map(String).join(' ') : ''}`);
  return {
    name: channel.name,
    logLevel: vscode.LogLevel.Trace,
    onDidChangeLogLevel: levelChanged.event,
    trace: line('trace'),
    debug: line('debug'),
    info: line('info'),
    warn: line('warning'),
    error: line('error'),
    append: (v) => channel.append(v),
    appendLine: (v) => channel.appendLine(v),
    replace: (v) => channel.replace(v),
    clear: () => channel.clear(),
    show: (a?: boolean | vscode.ViewColumn, b?: boolean) => (typeof a === 'boolean' ? channel.show(a) : channel.show(a, b)),
    hide: () => channel.hide(),
    dispose: () => {
      levelChanged.dispose();
      channel.dispose();
    },
  };
}
