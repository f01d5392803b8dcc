/**
 * Fixtures are data (see ARCHITECTURE.md, "Tests"):
 *   - a comment line of carets under the flagged span of the line above, followed by
 *     `<severity> <rule-id>: <message>` (`#<^^^` for a span at column 0); a fixture without
 *     markers expects no findings;
 *   - `$0` marks a cursor;
 *   - `#- file: name.yaml` starts another file of the same workspace;
 *   - `<case>.after.yaml` holds the text after applying the first fix of every finding
 *     (or the fix whose title contains the text of a `# fix: <text>` line), markers removed;
 *   - `# test-settings: {json}` gives the settings (the shape of .eksnet.json).
 * `UPDATE_EXPECT=1 npm test` rewrites the markers from what the rules report.
 */
import { DEFAULT_SETTINGS, Finding, LanguageService, LineIndex, mergeSettings, Settings } from '../../server/src/analysis';

export const MARKER = /^(\s*)#(<)?(\s*)(\^+)\s+(error|warning|info|hint)\s+([a-z0-9-]+):\s?(.*)$/;

export interface FixtureFile {
  readonly name: string;
  readonly uri: string;
  /** Text as analysed (markers stay: they are comments; `$0` removed). */
  readonly text: string;
}

export interface Fixture {
  readonly files: readonly FixtureFile[];
  /** From a `# test-settings: {json}` line (the shape of .eksnet.json). */
  readonly settings: Settings;
  readonly cursor: { readonly uri: string; readonly offset: number } | undefined;
}

export interface Expectation {
  readonly uri: string;
  readonly line: number;
  readonly column: number;
  readonly length: number;
  readonly severity: string;
  readonly rule: string;
  readonly message: string;
}

const ROOT = 'file:///fixture/';

export function parseFixture(source: string, defaultName = 'main.yaml'): Fixture {
  const parts: { name: string; lines: string[] }[] = [];
  let current = { name: defaultName, lines: [] as string[] };
  for (const line of source.split('\n')) {
    const m = /^#- file: (\S+)\s*$/.exec(line);
    if (m) {
      if (current.lines.some((l) => l.trim())) parts.push(current);
      current = { name: m[1] as string, lines: [] };
    } else current.lines.push(line);
  }
  parts.push(current);
  let cursor: Fixture['cursor'];
  const files = parts.map((p) => {
    let text = p.lines.join('\n');
    const uri = ROOT + p.name;
    const at = text.indexOf('$0');
    if (at >= 0) {
      text = text.slice(0, at) + text.slice(at + 2);
      cursor = { uri, offset: at };
    }
    return { name: p.name, uri, text };
  });
  const json = /^# test-settings: (.*)$/m.exec(source)?.[1];
  const settings = json ? mergeSettings(DEFAULT_SETTINGS, JSON.parse(json) as object) : DEFAULT_SETTINGS;
  return { files, cursor, settings };
}

export function expectations(file: FixtureFile): Expectation[] {
  const out: Expectation[] = [];
  const lines = file.text.split('\n');
  let target = -1;
  lines.forEach((line, i) => {
    const m = MARKER.exec(line);
    if (!m) {
      target = i;
      return;
    }
    // Columns are 0-based. `#<^^^` marks a span at column 0, where no caret fits under it.
    const column = m[2] ? 0 : (m[1] as string).length + 1 + (m[3] as string).length;
    const length = (m[4] as string).length;
    out.push({ uri: file.uri, line: target, column, length, severity: m[5] as string, rule: m[6] as string, message: m[7] as string });
  });
  return out;
}

export function load(fixture: Fixture, service = new LanguageService(undefined, fixture.settings.maxFileSize)): LanguageService {
  for (const f of fixture.files) service.setFile(f.uri, f.text);
  return service;
}

export function actual(service: LanguageService, file: FixtureFile, settings: Settings = DEFAULT_SETTINGS, findings: readonly Finding[] = service.validate(file.uri, settings)): Expectation[] {
  const lines = service.index.get(file.uri)?.lineIndex ?? new LineIndex(file.text);
  return findings.map((f) => {
    const s = lines.positionAt(f.span.start);
    const e = lines.positionAt(f.span.end);
    const length = e.line === s.line ? Math.max(1, e.character - s.character) : Math.max(1, lines.lineText(s.line).length - s.character);
    return { uri: file.uri, line: s.line, column: s.character, length, severity: f.severity, rule: f.ruleId, message: f.message };
  });
}

/** Renders findings as marker lines under their lines (what UPDATE_EXPECT writes). */
export function withMarkers(file: FixtureFile, found: readonly Expectation[]): string {
  const lines = file.text.split('\n').filter((l) => !MARKER.test(l));
  const byLine = new Map<number, Expectation[]>();
  const markerFree = lines;
  const original = file.text.split('\n');
  const map: number[] = [];
  let j = 0;
  original.forEach((l, i) => {
    if (!MARKER.test(l)) map[i] = j++;
  });
  for (const f of found) {
    const line = map[f.line] ?? f.line;
    const list = byLine.get(line) ?? [];
    list.push(f);
    byLine.set(line, list);
  }
  const out: string[] = [];
  markerFree.forEach((l, i) => {
    out.push(l);
    for (const f of byLine.get(i) ?? []) {
      const head = f.column === 0 ? `#<${'^'.repeat(f.length)}` : `${' '.repeat(f.column - 1)}#${'^'.repeat(f.length)}`;
      out.push(`${head} ${f.severity} ${f.rule}: ${f.message}`);
    }
  });
  return out.join('\n');
}

export function stripMarkers(text: string): string {
  return text.split('\n').filter((l) => !MARKER.test(l)).join('\n');
}
