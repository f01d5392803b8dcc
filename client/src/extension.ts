/**
 * The VS Code extension: starts the language server over IPC for YAML documents, contributes the
 * commands and the status bar item. All analysis happens in the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, State, TransportKind } from 'vscode-languageclient/node';
import { ServerStatus, StatusBar } from './statusBar';
import { createTraceChannel } from './traceChannel';

const RED_HAT_YAML = 'redhat.vscode-yaml';
let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('EKS Networking', { log: true });
  const trace = createTraceChannel('EKS Networking (LSP trace)');
  const status = new StatusBar();
  context.subscriptions.push(output, trace, status);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'yaml' }],
    outputChannel: output,
    traceOutputChannel: trace,
    initializationOptions: { redHatYamlPresent: vscode.extensions.getExtension(RED_HAT_YAML) !== undefined },
  };
  client = new LanguageClient('eksnet', 'EKS Networking', serverOptions, clientOptions);
  const c = client;
  context.subscriptions.push(
    c.onDidChangeState((e) => {
      if (e.newState === State.Stopped) status.show({ state: 'stopped' });
    }),
    c.onNotification('eksnet/status', (s: ServerStatus) => status.show(s)),
    vscode.commands.registerCommand('eksnet.restartServer', async () => {
      status.show({ state: 'indexing', done: 0, total: 0 });
      await c.restart();
    }),
    vscode.commands.registerCommand('eksnet.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('eksnet.lintWorkspace', async () => {
      const r = await c.sendRequest<{ files: number; objects: number }>('eksnet/lintWorkspace');
      void vscode.window.showInformationMessage(`EKS Networking: checked ${r.objects} objects in ${r.files} files; see the Problems panel.`);
      await vscode.commands.executeCommand('workbench.actions.view.problems');
    }),
    vscode.commands.registerCommand('eksnet.showLocations', async (uri: string, position: { line: number; character: number }, locations: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]) => {
      const toPos = (p: { line: number; character: number }) => new vscode.Position(p.line, p.character);
      await vscode.commands.executeCommand(
        'editor.action.showReferences',
        vscode.Uri.parse(uri),
        toPos(position),
        locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(toPos(l.range.start), toPos(l.range.end)))),
      );
    }),
    vscode.extensions.onDidChange(() => {
      // Installing or removing Red Hat's YAML extension changes who reports syntax errors.
      const present = vscode.extensions.getExtension(RED_HAT_YAML) !== undefined;
      if (present !== clientOptions.initializationOptions.redHatYamlPresent) {
        clientOptions.initializationOptions.redHatYamlPresent = present;
        void c.restart();
      }
    }),
  );
  await c.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
