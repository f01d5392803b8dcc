/** Command-line parsing. Public contract: flags and exit codes are documented in README.md. */

export type Format = 'text' | 'json' | 'sarif';

export type Command =
  | { readonly kind: 'lint'; readonly paths: readonly string[]; readonly format: Format; readonly config: string | undefined; readonly noConfig: boolean; readonly quiet: boolean; readonly jobs: number | undefined }
  | { readonly kind: 'rules'; readonly format: 'text' | 'json' }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' };

export class UsageError extends Error {}

/** Upper bound of `--jobs`: every job holds the whole workspace in memory. */
export const MAX_JOBS = 256;

export const USAGE = `Usage:
  eksnet lint [options] <path...>   Lint YAML files and folders (recursively)
  eksnet rules [--format text|json] List the rules
  eksnet --version | --help

Lint options:
  --format text|json|sarif   Output format (default: text)
  --config <file>            Settings file (default: .eksnet.json found from the current folder upwards)
  --no-config                Ignore any .eksnet.json
  --quiet                    Report errors only
  --jobs <n>                 Threads to lint with, 1-${MAX_JOBS} (default from 200 files: cores - 1, up to 4)

Exit codes: 0 no error findings, 1 error findings, 2 usage error or unreadable path.`;

export function parseArgs(argv: readonly string[]): Command {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') return { kind: 'help' };
  if (cmd === '--version' || cmd === '-v') return { kind: 'version' };
  if (cmd === 'rules') {
    const { format } = options(rest, ['format']);
    if (format !== undefined && format !== 'text' && format !== 'json') throw new UsageError(`--format for rules must be text or json, got "${format}"`);
    return { kind: 'rules', format: (format ?? 'text') as 'text' | 'json' };
  }
  if (cmd === 'lint') {
    const o = options(rest, ['format', 'config', 'jobs'], ['no-config', 'quiet']);
    const format = o.format ?? 'text';
    if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`--format must be text, json or sarif, got "${format}"`);
    if (o.jobs !== undefined && !(/^[1-9][0-9]*$/.test(o.jobs) && Number(o.jobs) <= MAX_JOBS)) throw new UsageError(`--jobs must be a whole number from 1 to ${MAX_JOBS}, got "${o.jobs}"`);
    if (o.paths.length === 0) throw new UsageError('lint needs at least one file or folder, e.g. `eksnet lint .`');
    return { kind: 'lint', paths: o.paths, format, config: o.config, noConfig: o.flags.has('no-config'), quiet: o.flags.has('quiet'), jobs: o.jobs === undefined ? undefined : Number(o.jobs) };
  }
  throw new UsageError(`unknown command "${cmd}" (expected lint or rules)`);
}

function options(args: readonly string[], valued: readonly string[], flagNames: readonly string[] = []) {
  const out: { paths: string[]; flags: Set<string>; format?: string; config?: string; jobs?: string } = { paths: [], flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      out.paths.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('--')) {
      out.paths.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (valued.includes(name)) {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`--${name} needs a value`);
      (out as Record<string, unknown>)[name] = v;
    } else if (flagNames.includes(name) && inline === undefined) {
      out.flags.add(name);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return out;
}
