/**
 * Pushes diagnostics. A changed file is validated first; then every other file that is shown
 * (open files, or all files after "Lint Whole Workspace"), since cross-file results may have
 * changed. Work is debounced, yields between files, and results for a superseded version of a
 * document are dropped.
 */
import type { Connection } from 'vscode-languageserver/node';
import type { LanguageService, LineIndex, Settings } from '../analysis';
import { toDiagnostic } from './convert';
import type { OpenDocuments } from './documents';

/**
 * Short: changes that arrive together (a paste, multi-cursor typing, a burst of file events) come
 * within a few milliseconds, and a keystroke in a 10,000-document file is re-checked in tens of
 * milliseconds, so waiting longer would only delay every result.
 */
const DEBOUNCE_MS = 2;

export class DiagnosticsScheduler {
  private readonly urgent = new Set<string>();
  /** Shown files still to re-check after a change (`everything` adds every shown file). */
  private readonly later = new Set<string>();
  private everything = false;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private readonly published = new Set<string>();
  workspaceMode = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: OpenDocuments,
    private readonly service: LanguageService,
    private readonly settingsOf: (uri: string) => Promise<Settings>,
    private readonly log: (m: string) => void,
  ) {}

  /** A file changed: validate it first, then everything shown. */
  changed(uri: string): void {
    this.urgent.add(uri);
    this.everything = true;
    this.schedule();
  }

  /** A file became shown without any change to the index (opened as it is on disk): validate it alone. */
  only(uri: string): void {
    this.urgent.add(uri);
    this.schedule();
  }

  /** Something global changed (settings, indexing finished): validate everything shown. */
  all(): void {
    this.everything = true;
    this.schedule();
  }

  clear(uri: string): void {
    if (this.published.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private shown(): string[] {
    return this.workspaceMode ? this.service.index.uris() : this.documents.keys();
  }

  private schedule(): void {
    if (this.timer || this.running) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, DEBOUNCE_MS);
  }

  /** One file at a time, changed files first; yields between files so requests are answered. */
  private async flush(): Promise<void> {
    this.running = true;
    try {
      for (;;) {
        if (this.everything) {
          this.everything = false;
          for (const uri of this.shown()) if (!this.urgent.has(uri)) this.later.add(uri);
        }
        const next = first(this.urgent) ?? first(this.later);
        if (next === undefined) break;
        this.urgent.delete(next);
        this.later.delete(next);
        await this.publish(next);
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      this.running = false;
    }
  }

  private async publish(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    const shown = doc !== undefined || this.workspaceMode;
    if (!shown || !this.service.index.get(uri)) return this.clear(uri);
    const version = doc?.version;
    try {
      const settings = await this.settingsOf(uri);
      const findings = this.service.validate(uri, settings);
      if (doc && this.documents.get(uri)?.version !== version) return; // stale
      const linesOf = (u: string): LineIndex | undefined => this.service.index.get(u)?.lineIndex;
      await this.connection.sendDiagnostics({ uri, ...(version !== undefined ? { version } : {}), diagnostics: findings.map((f) => toDiagnostic(f, linesOf)) });
      this.published.add(uri);
    } catch (e) {
      this.log(`diagnostics for ${uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }
}

function first(set: ReadonlySet<string>): string | undefined {
  for (const v of set) return v;
  return undefined;
}
