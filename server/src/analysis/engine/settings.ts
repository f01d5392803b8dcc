/**
 * User settings that shape analysis. The same shape comes from the VS Code settings (`eksnet.*`)
 * and from the workspace settings file `.eksnet.json`, so the editor and the CLI agree.
 */
import type { SeverityOrOff } from '../model/types';

export interface Settings {
  readonly enable: boolean;
  /** Rule id → severity override or 'off'. */
  readonly rules: Readonly<Record<string, SeverityOrOff>>;
  /** Globs relative to the workspace folder (or the settings file's folder). */
  readonly exclude: readonly string[];
  readonly maxFileSize: number;
  /** Whether YAML syntax problems are reported (off when another extension reports them). */
  readonly reportSyntax: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  rules: {},
  exclude: [],
  maxFileSize: 5_000_000,
  reportSyntax: true,
};

const SEVERITIES = new Set(['off', 'error', 'warning', 'info', 'hint']);

/** Settings-file / client settings, as loosely typed JSON. Unknown or ill-typed entries are ignored and described in `problems`. */
export interface SettingsInput {
  enable?: unknown;
  rules?: unknown;
  exclude?: unknown;
  maxFileSize?: unknown;
}

export function mergeSettings(base: Settings, input: SettingsInput | undefined, problems: string[] = []): Settings {
  if (!input || typeof input !== 'object') return base;
  const rules: Record<string, SeverityOrOff> = { ...base.rules };
  if (input.rules !== undefined) {
    if (input.rules && typeof input.rules === 'object' && !Array.isArray(input.rules)) {
      for (const [id, sev] of Object.entries(input.rules as Record<string, unknown>)) {
        if (typeof sev === 'string' && SEVERITIES.has(sev)) rules[id] = sev as SeverityOrOff;
        else problems.push(`rules.${id}: expected one of off, error, warning, info, hint, got ${JSON.stringify(sev)}`);
      }
    } else problems.push('rules: expected an object of rule id → severity');
  }
  let exclude = base.exclude;
  if (input.exclude !== undefined) {
    if (Array.isArray(input.exclude) && input.exclude.every((g) => typeof g === 'string')) exclude = [...base.exclude, ...(input.exclude as string[])];
    else problems.push('exclude: expected an array of glob strings');
  }
  let maxFileSize = base.maxFileSize;
  if (input.maxFileSize !== undefined) {
    if (typeof input.maxFileSize === 'number' && input.maxFileSize >= 0) maxFileSize = input.maxFileSize;
    else problems.push('maxFileSize: expected a non-negative number of bytes');
  }
  const enable = typeof input.enable === 'boolean' ? input.enable : base.enable;
  return { ...base, enable, rules, exclude, maxFileSize };
}
