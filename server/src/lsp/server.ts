/**
 * The LSP adapter: wires a connection to the language service. Handlers are one line each over
 * the core; every one is guarded. No analysis logic lives here.
 */
import {
  CodeAction, CodeActionKind, CodeLens, CodeLensRefreshRequest, CompletionItem, CompletionItemKind, Connection, DidChangeWatchedFilesNotification,
  DocumentSymbol, FileChangeType, Hover, InitializeParams, InitializeResult, InsertTextFormat, Location, MarkupKind,
  SymbolKind, TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { fileURLToPath } from 'node:url';
import { LanguageService, LineIndex, TargetLocation } from '../analysis';
import { readText } from '../node/readText';
import { isInsideRoots, isYamlPath } from '../node/findYamlFiles';
import { VERSION } from '../version';
import { toCodeAction, toRange } from './convert';
import { DiagnosticsScheduler } from './diagnostics';
import { OpenDocuments } from './documents';
import { guarded } from './guard';
import { SettingsStore } from './settings';
import { loadFolders } from './workspaceLoader';

export const STATUS_NOTIFICATION = 'eksnet/status';
export const LINT_WORKSPACE_REQUEST = 'eksnet/lintWorkspace';
export const SHOW_LOCATIONS_COMMAND = 'eksnet.showLocations';

const COMPLETION_KIND = { property: CompletionItemKind.Property, value: CompletionItemKind.Value, snippet: CompletionItemKind.Snippet, reference: CompletionItemKind.Reference, enum: CompletionItemKind.EnumMember } as const;

export function startServer(connection: Connection): void {
  const log = (m: string) => connection.console.error(m);
  const service = new LanguageService(log);
  // Offsets of an edit come from the index's line index while it indexes the document's text.
  const documents = new OpenDocuments((uri, text) => {
    const file = service.index.get(uri);
    return file && file.text === text ? file.lineIndex : undefined;
  });
  let folders: string[] = [];
  let settings: SettingsStore | undefined;
  let diagnostics: DiagnosticsScheduler | undefined;
  let canWatch = false;
  let canProgress = false;
  let canRefreshLenses = false;
  let canFolders = false;
  /** Deleted on disk (watched-file events): initial indexing must not put them back from an earlier read. */
  const deletedOnDisk = new Set<string>();

  const linesOf = (uri: string): LineIndex | undefined => service.index.get(uri)?.lineIndex;
  const offsetOf = (uri: string, pos: { line: number; character: number }) => linesOf(uri)?.offsetAt(pos);
  const toLocation = (t: TargetLocation): Location[] => {
    const l = linesOf(t.uri);
    return l ? [{ uri: t.uri, range: toRange(l, t.span) }] : [];
  };
  let indexing = true;
  const status = (state: 'indexing' | 'ready', extra: Record<string, unknown> = {}) =>
    void connection.sendNotification(STATUS_NOTIFICATION, { state, files: service.index.fileCount, objects: service.index.objectCount, ...extra });
  /** After a change: the new object count, unless initial indexing is still reporting progress. */
  const statusAfterChange = () => {
    if (!indexing) status('ready');
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    folders = (params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : [])).map((u) => u.replace(/\/$/, ''));
    const init = (params.initializationOptions ?? {}) as { redHatYamlPresent?: boolean; settings?: unknown };
    canWatch = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canProgress = !!params.capabilities.window?.workDoneProgress;
    canRefreshLenses = !!params.capabilities.workspace?.codeLens?.refreshSupport;
    canFolders = !!params.capabilities.workspace?.workspaceFolders;
    settings = new SettingsStore(connection, {
      supportsConfiguration: !!params.capabilities.workspace?.configuration,
      redHatYamlPresent: !!init.redHatYamlPresent,
      initialSettings: init.settings,
    }, () => folders, log);
    diagnostics = new DiagnosticsScheduler(connection, documents, service, (u) => settings!.get(u), log);
    return {
      serverInfo: { name: 'eksnet-language-server', version: VERSION },
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: ['/', ':', ' ', '.', '"', "'"] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        definitionProvider: true,
        referencesProvider: true,
        codeLensProvider: { resolveProvider: false },
        documentSymbolProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
    };
  });

  connection.onInitialized(guarded(log, 'initialized', undefined, async () => {
    if (canWatch) await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] });
    if (canFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const norm = (u: string) => u.replace(/\/$/, '');
        folders = folders.filter((f) => !e.removed.some((r) => norm(r.uri) === f)).concat(e.added.map((a) => norm(a.uri)));
        settings?.clear();
        for (const r of e.removed) for (const uri of service.index.uris()) if (uri.startsWith(norm(r.uri) + '/') && !documents.get(uri)) service.deleteFile(uri);
        void loadFolders(service, e.added.map((a) => norm(a.uri)), (f) => settings!.get(f), (u) => !!documents.get(u), () => undefined, log).then(() => diagnostics?.all());
      });
    }
    const folderSettings = await settings!.get(folders[0] ?? '');
    service.index.maxFileSize = folderSettings.maxFileSize;
    const progress = canProgress ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('EKS networking: indexing', 0, 'looking for YAML files', false);
    status('indexing', { done: 0, total: 0 });
    const total = await loadFolders(service, folders, (f) => settings!.get(f), (u) => !!documents.get(u) || deletedOnDisk.has(u), (done, all) => {
      progress?.report(all ? Math.round((done / all) * 100) : 100, `${done}/${all} files`);
      status('indexing', { done, total: all });
    }, log);
    progress?.done();
    indexing = false;
    status('ready', { total });
    // Lenses asked for while indexing (the file that activated the extension) saw a partial workspace.
    if (canRefreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    diagnostics!.all();
  }));

  connection.onDidChangeConfiguration(() => {
    settings?.clear();
    diagnostics?.all();
  });

  documents.onDidChangeContent(guarded(log, 'didChange', undefined, (e) => {
    const before = service.index.generation;
    service.setFile(e.document.uri, e.document.getText(), e.change);
    // Opening a file whose text the index already has changes nothing for the other files.
    if (service.index.generation === before) diagnostics?.only(e.document.uri);
    else diagnostics?.changed(e.document.uri);
    statusAfterChange();
  }));

  documents.onDidClose(guarded(log, 'didClose', undefined, async (e) => {
    const uri = e.document.uri;
    const onDisk = uri.startsWith('file:') ? await readText(fileURLToPath(uri)).catch(() => undefined) : undefined;
    if (onDisk === undefined) service.deleteFile(uri);
    else service.setFile(uri, onDisk);
    if (!diagnostics?.workspaceMode) diagnostics?.clear(uri);
    diagnostics?.all();
  }));

  connection.onDidChangeWatchedFiles(guarded(log, 'watchedFiles', undefined, async (params) => {
    for (const change of params.changes) {
      if (documents.get(change.uri) || !isYamlPath(change.uri)) continue;
      if (change.type === FileChangeType.Deleted) deletedOnDisk.add(change.uri);
      else deletedOnDisk.delete(change.uri);
      if (change.type === FileChangeType.Deleted) {
        service.deleteFile(change.uri);
        diagnostics?.clear(change.uri);
      } else {
        const file = change.uri.startsWith('file:') ? fileURLToPath(change.uri) : undefined;
        const roots = folders.filter((f) => f.startsWith('file:')).map((f) => fileURLToPath(f));
        // Never follow a symlink (or read a path) out of the workspace folders.
        const text = file && (await isInsideRoots(file, roots)) ? await readText(file).catch(() => undefined) : undefined;
        if (text === undefined) service.deleteFile(change.uri);
        else service.setFile(change.uri, text);
      }
    }
    diagnostics?.all();
    statusAfterChange();
  }));

  connection.onRequest(LINT_WORKSPACE_REQUEST, guarded(log, 'lintWorkspace', { files: 0, objects: 0 }, () => {
    diagnostics!.workspaceMode = true;
    diagnostics!.all();
    return { files: service.index.fileCount, objects: service.index.objectCount };
  }));

  connection.onHover(guarded(log, 'hover', null, (p, token): Hover | null => {
    const offset = offsetOf(p.textDocument.uri, p.position);
    if (offset === undefined || token.isCancellationRequested) return null;
    const h = service.hover(p.textDocument.uri, offset);
    return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: toRange(linesOf(p.textDocument.uri)!, h.span) } : null;
  }));

  connection.onCompletion(guarded(log, 'completion', [], (p, token): CompletionItem[] => {
    const uri = p.textDocument.uri;
    const offset = offsetOf(uri, p.position);
    if (offset === undefined || token.isCancellationRequested) return [];
    const lines = linesOf(uri)!;
    return service.complete(uri, offset).map((c) => ({
      label: c.label,
      kind: COMPLETION_KIND[c.kind],
      ...(c.detail ? { detail: c.detail } : {}),
      ...(c.documentation ? { documentation: { kind: MarkupKind.Markdown, value: c.documentation } } : {}),
      textEdit: { range: toRange(lines, c.replace), newText: c.insertText },
      insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      ...(c.sortText ? { sortText: c.sortText } : {}),
      ...(c.filterText ? { filterText: c.filterText } : {}),
      ...(c.deprecated ? { tags: [1] } : {}),
    }));
  }));

  connection.onCodeAction(guarded(log, 'codeAction', [], (p): CodeAction[] => {
    const uri = p.textDocument.uri;
    return p.context.diagnostics
      .filter((d) => d.source === 'eksnet' && d.data !== undefined)
      .flatMap((d) => service.fixes(uri, d.data).map((f) => toCodeAction(f, d, linesOf)))
      .filter((a): a is CodeAction => a !== undefined);
  }));

  connection.onDefinition(guarded(log, 'definition', [], (p): Location[] => {
    const offset = offsetOf(p.textDocument.uri, p.position);
    return offset === undefined ? [] : service.definition(p.textDocument.uri, offset).flatMap(toLocation);
  }));

  connection.onReferences(guarded(log, 'references', [], (p): Location[] => {
    const offset = offsetOf(p.textDocument.uri, p.position);
    return offset === undefined ? [] : service.references(p.textDocument.uri, offset).flatMap(toLocation);
  }));

  connection.onCodeLens(guarded(log, 'codeLens', [], (p): CodeLens[] => {
    const uri = p.textDocument.uri;
    const lines = linesOf(uri);
    if (!lines) return [];
    // Before indexing ends a lens would say "selects nothing" about workloads not read yet; the
    // client is asked to refresh its lenses when indexing ends.
    if (indexing) return [];
    return service.codeLenses(uri).map((l) => {
      const range = toRange(lines, l.span);
      const locations = (l.targets ?? []).flatMap(toLocation);
      // Always a command, even with nothing to show, so every lens is a link. (Lenses VS Code
      // draws from its own cache before asking are title-only placeholders: that is VS Code's.)
      return { range, command: { title: l.title, command: SHOW_LOCATIONS_COMMAND, arguments: [uri, range.start, locations] } };
    });
  }));

  connection.onDocumentSymbol(guarded(log, 'documentSymbol', [], (p): DocumentSymbol[] => {
    const lines = linesOf(p.textDocument.uri);
    if (!lines) return [];
    return service.symbols(p.textDocument.uri).map((s) => ({ name: s.name, detail: s.detail, kind: SymbolKind.Object, range: toRange(lines, s.span), selectionRange: toRange(lines, s.selection) }));
  }));

  documents.listen(connection);
  connection.listen();
}
