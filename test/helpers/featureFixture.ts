import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { LanguageService } from '../../server/src/analysis';
import { load, parseFixture } from './fixture';

/**
 * Directive comments of completion and hover fixtures: `# <name>: <argument>` or `# <name>`,
 * one per line, anywhere in the fixture (they are YAML comments, so the text stays valid).
 */
export interface Directive {
  readonly name: string;
  readonly arg: string;
}

const NAMES = /^\s*# (completion|no-completion|no-completions|replaces|first|last|deprecated|hover-contains|hover-not-contains|no-hover|hover-range)(?::\s?(.*))?$/;

export function directives(text: string): Directive[] {
  const out: Directive[] = [];
  for (const line of text.split('\n')) {
    const m = NAMES.exec(line.replace(/\r$/, ''));
    if (m) out.push({ name: m[1] as string, arg: (m[2] ?? '').trimEnd() });
  }
  return out;
}

/** One cursor fixture, ready to check: its language service, the cursor and the directives of the cursor's file. */
export interface CursorFixture {
  readonly name: string;
  readonly service: LanguageService;
  readonly uri: string;
  readonly offset: number;
  /** The text of the file holding the cursor. */
  readonly text: string;
  readonly directives: readonly Directive[];
}

/** A test per `*.yaml` fixture of `dir` (each with a `$0` cursor and at least one directive), in a suite. */
export function cursorFixtures(suite: string, dir: string, check: (f: CursorFixture) => void): void {
  describe(suite, () => {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
      test(name, () => {
        const fixture = parseFixture(readFileSync(path.join(dir, name), 'utf8'), name);
        assert.ok(fixture.cursor, `${name}: no $0 cursor`);
        const { uri, offset } = fixture.cursor!;
        const text = fixture.files.find((f) => f.uri === uri)!.text;
        const ds = directives(text);
        assert.ok(ds.length > 0, `${name}: no directives`);
        check({ name, service: load(fixture), uri, offset, text, directives: ds });
      });
    }
  });
}
