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
