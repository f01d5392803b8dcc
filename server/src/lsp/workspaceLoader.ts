/**
 * Initial indexing: reads every YAML file of the workspace folders into the index, in batches,
 * yielding between them so requests are answered meanwhile, and reporting progress.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LanguageService, Settings } from '../analysis';
import { findYamlFiles } from '../node/findYamlFiles';
import { readText } from '../node/readText';

export interface LoadProgress {
  (done: number, total: number): void;
}

const BATCH = 64;

export async function loadFolders(
  service: LanguageService,
  folders: readonly string[],
  settingsOf: (folder: string) => Promise<Settings>,
  isOpen: (uri: string) => boolean,
  progress: LoadProgress,
  log: (m: string) => void,
): Promise<number> {
  const files: string[] = [];
  for (const folder of folders) {
    if (!folder.startsWith('file:')) continue;
    const settings = await settingsOf(folder);
    if (!settings.enable) continue;
    files.push(...(await findYamlFiles(fileURLToPath(folder), settings.exclude)));
  }
  progress(0, files.length);
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH);
    const texts = await Promise.all(batch.map((f) => readText(f).catch((e: Error) => (log(`cannot read ${f}: ${e.message}`), undefined))));
    batch.forEach((f, j) => {
      const uri = pathToFileURL(f).href;
      const text = texts[j];
      if (text !== undefined && !isOpen(uri)) service.setFile(uri, text);
    });
    progress(Math.min(i + BATCH, files.length), files.length);
    await new Promise((r) => setImmediate(r));
  }
  return files.length;
}
