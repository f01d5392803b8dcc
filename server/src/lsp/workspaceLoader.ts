/**
 * Initial indexing: reads every YAML file of the workspace folders into the index, in batches,
 * yielding every few milliseconds so requests are answered meanwhile, and reporting progress.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LanguageService, Settings } from '../analysis';
import { findYamlFiles } from '../node/findYamlFiles';
import { readText } from '../node/readText';

export interface LoadProgress {
  (done: number, total: number): void;
}

const BATCH = 64;
/** Parsing yields to pending requests at least this often (ms), so hovers stay quick while indexing. */
const SLICE_MS = 10;

const yieldToRequests = () => new Promise((r) => setImmediate(r));

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
    let slice = performance.now();
    for (let j = 0; j < batch.length; j++) {
      const uri = pathToFileURL(batch[j]!).href;
      const text = texts[j];
      if (text !== undefined && !isOpen(uri)) service.setFile(uri, text);
      if (performance.now() - slice > SLICE_MS) {
        await yieldToRequests();
        slice = performance.now();
      }
    }
    progress(Math.min(i + BATCH, files.length), files.length);
    await yieldToRequests();
  }
  return files.length;
}
