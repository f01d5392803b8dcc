#!/usr/bin/env node
/**
 * `eksnet-language-server`: the language server. `--stdio` speaks LSP on stdin/stdout (for
 * Neovim, Helix, Emacs, Zed, ...); VS Code starts it over IPC (`--node-ipc`).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { VERSION } from './version';

if (process.argv.includes('--version')) {
  process.stdout.write(VERSION + '\n');
} else if (!['--stdio', '--node-ipc', '--socket', '--pipe'].some((a) => process.argv.some((x) => x.startsWith(a)))) {
  process.stderr.write('Usage: eksnet-language-server --stdio\n(The server speaks LSP over stdio; point your editor at this command.)\n');
  process.exitCode = 2;
} else {
  const connection = createConnection(ProposedFeatures.all);
  process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e.stack ?? e.message}`));
  process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${String(e)}`));
  startServer(connection);
}
