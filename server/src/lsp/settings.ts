/**
 * Settings per workspace folder: defaults, then the folder's `.eksnet.json`, then the editor's
 * `eksnet.*` settings (pulled per resource). Cached until the configuration changes.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, mergeSettings, Settings } from '../analysis';
import { loadSettingsFile, SETTINGS_FILE } from '../node/settingsFile';
import { existsSync } from 'node:fs';

export interface ClientFacts {
  readonly supportsConfiguration: boolean;
  readonly redHatYamlPresent: boolean;
  readonly initialSettings: unknown;
}

type SyntaxMode = 'auto' | 'always' | 'never';

export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();

  constructor(
    private readonly connection: Connection,
    private readonly facts: ClientFacts,
    private readonly folders: () => readonly string[],
    private readonly log: (m: string) => void,
  ) {}

  clear(): void {
    this.cache.clear();
  }

  folderOf(uri: string): string | undefined {
    return this.folders().filter((f) => uri === f || uri.startsWith(f.endsWith('/') ? f : f + '/')).sort((a, b) => b.length - a.length)[0];
  }

  get(uri: string): Promise<Settings> {
    const folder = this.folderOf(uri) ?? '';
    let s = this.cache.get(folder);
    if (!s) {
      s = this.load(folder, uri);
      this.cache.set(folder, s);
    }
    return s;
  }

  private async load(folder: string, uri: string): Promise<Settings> {
    let settings = DEFAULT_SETTINGS;
    const file = folder.startsWith('file:') ? path.join(fileURLToPath(folder), SETTINGS_FILE) : undefined;
    if (file && existsSync(file)) {
      try {
        const problems: string[] = [];
        settings = mergeSettings(settings, loadSettingsFile(file).input, problems);
        for (const p of problems) this.log(`${file}: ${p}`);
      } catch (e) {
        this.log((e as Error).message);
      }
    }
    let client: Record<string, unknown> | undefined;
    if (this.facts.supportsConfiguration) {
      client = (await this.connection.workspace.getConfiguration({ scopeUri: folder || uri, section: 'eksnet' })) as Record<string, unknown> | undefined;
    } else if (this.facts.initialSettings && typeof this.facts.initialSettings === 'object') {
      client = this.facts.initialSettings as Record<string, unknown>;
    }
    const problems: string[] = [];
    settings = mergeSettings(settings, client ?? undefined, problems);
    for (const p of problems) this.log(`settings: ${p}`);
    const mode = (client?.syntaxDiagnostics ?? 'auto') as SyntaxMode;
    const reportSyntax = mode === 'always' || (mode === 'auto' && !this.facts.redHatYamlPresent);
    return { ...settings, reportSyntax };
  }
}
