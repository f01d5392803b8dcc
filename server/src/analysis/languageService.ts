/**
 * The core's facade: a workspace index plus every analysis and editor feature, on plain data.
 * Front ends (the LSP server, the CLI) hold one of these; it does no I/O and knows no protocol.
 */
import type { Finding, Fix } from './model/types';
import { analyzeFile, Logger } from './engine/analyze';
import { fixesFor } from './engine/fixes';
import { DEFAULT_SETTINGS, Settings } from './engine/settings';
import { locate } from './features/locate';
import { CODE_LENS_PROVIDERS, COMPLETION_PROVIDERS, DEFINITION_PROVIDERS, HOVER_PROVIDERS, REFERENCES_PROVIDERS } from './features/providers';
import { documentSymbols } from './features/symbols';
import { textContext } from './features/textContext';
import type { CompletionEntry, HoverResult, LensResult, PositionContext, SymbolResult, TargetLocation } from './features/types';
import { WorkspaceIndex } from './workspace/workspaceIndex';
import type { TextChange } from './workspace/resplit';

export class LanguageService {
  readonly index: WorkspaceIndex;

  constructor(private readonly log: Logger = () => undefined, maxFileSize = DEFAULT_SETTINGS.maxFileSize) {
    this.index = new WorkspaceIndex(maxFileSize);
  }

  /** Sets a file's text; `change` (optional, from an editor) says where it differs from the text set before. */
  setFile(uri: string, text: string, change?: TextChange): void {
    this.index.set(uri, text, change);
  }

  deleteFile(uri: string): boolean {
    return this.index.delete(uri);
  }

  validate(uri: string, settings: Settings = DEFAULT_SETTINGS): Finding[] {
    return analyzeFile(this.index, uri, { settings, log: this.log });
  }

  fixes(uri: string, data: unknown): Fix[] {
    const file = this.index.get(uri);
    return file ? fixesFor(file, data, this.log, (u) => this.index.get(u)) : [];
  }

  hover(uri: string, offset: number): HoverResult | undefined {
    const ctx = this.context(uri, offset);
    if (!ctx) return undefined;
    for (const p of HOVER_PROVIDERS) {
      const r = this.guarded('hover', () => p(ctx));
      if (r) return r;
    }
    return undefined;
  }

  complete(uri: string, offset: number): CompletionEntry[] {
    const ctx = this.context(uri, offset);
    return ctx ? COMPLETION_PROVIDERS.flatMap((p) => this.guarded('completion', () => p(ctx)) ?? []) : [];
  }

  definition(uri: string, offset: number): TargetLocation[] {
    const ctx = this.context(uri, offset);
    return ctx ? DEFINITION_PROVIDERS.flatMap((p) => this.guarded('definition', () => p(ctx)) ?? []) : [];
  }

  references(uri: string, offset: number): TargetLocation[] {
    const ctx = this.context(uri, offset);
    return ctx ? REFERENCES_PROVIDERS.flatMap((p) => this.guarded('references', () => p(ctx)) ?? []) : [];
  }

  codeLenses(uri: string): LensResult[] {
    const file = this.index.get(uri);
    if (!file || file.skip) return [];
    return CODE_LENS_PROVIDERS.flatMap((p) => this.guarded('codeLens', () => p(file, this.index)) ?? []);
  }

  symbols(uri: string): SymbolResult[] {
    const file = this.index.get(uri);
    return file ? documentSymbols(file) : [];
  }

  private context(uri: string, offset: number): PositionContext | undefined {
    const file = this.index.get(uri);
    if (!file || file.skip) return undefined;
    const at = Math.max(0, Math.min(offset, file.text.length));
    return { index: this.index, file, offset: at, loc: this.guarded('locate', () => locate(file, at)), text: textContext(file.text, at) };
  }

  private guarded<T>(what: string, run: () => T): T | undefined {
    try {
      return run();
    } catch (e) {
      this.log(`${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return undefined;
    }
  }
}
