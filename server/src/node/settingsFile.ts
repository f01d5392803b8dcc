/**
 * The workspace settings file `.eksnet.json`, read by the CLI and the language server alike:
 *   { "rules": { "<rule-id>": "off" | "error" | "warning" | "info" | "hint" },
 *     "exclude": ["charts/**"], "maxFileSize": 5000000 }
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { SettingsInput } from '../analysis';

export const SETTINGS_FILE = '.eksnet.json';

export interface LoadedSettingsFile {
  readonly path: string;
  readonly input: SettingsInput;
}

/** Finds `.eksnet.json` in `dir` or its ancestors. Throws with a readable message when it is not valid JSON. */
export function findSettingsFile(dir: string): string | undefined {
  let cur = path.resolve(dir);
  for (;;) {
    const candidate = path.join(cur, SETTINGS_FILE);
    if (existsSync(candidate)) return candidate;
    const up = path.dirname(cur);
    if (up === cur) return undefined;
    cur = up;
  }
}

export function loadSettingsFile(file: string): LoadedSettingsFile {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read settings file ${file}: ${(e as Error).message}`);
  }
  try {
    const input = JSON.parse(raw) as unknown;
    if (!input || typeof input !== 'object' || Array.isArray(input)) throw new Error('expected a JSON object');
    return { path: file, input: input as SettingsInput };
  } catch (e) {
    throw new Error(`settings file ${file} is not valid: ${(e as Error).message}`);
  }
}
