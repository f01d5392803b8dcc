/**
 * Writing annotation values as YAML text that every parser reads back as the same string:
 * the `yaml` package (YAML 1.2) and the Go parsers kubectl and the API server use (YAML 1.1, where
 * `on`, `yes` and `off` are booleans). And escaping text for LSP snippets.
 */

const YAML11_SPECIAL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|\.(?:inf|Inf|INF|nan|NaN|NAN)|[-+]\.(?:inf|Inf|INF)|=|<<)$/;

/** True when a string must be quoted to stay a string in YAML (conservative). */
export function needsQuotes(value: string): boolean {
  if (value === '' || YAML11_SPECIAL.test(value)) return true;
  if (/^[-+.]?[0-9]/.test(value)) return true; // numbers, dates, times, sexagesimals
  if (/^[-?:,[\]{}#&*!|>'"%@`\s]/.test(value) || /\s$/.test(value)) return true;
  if (/: |:$| #|[\t\n\r]/.test(value)) return true;
  return false;
}

/** The value as a YAML scalar: plain when safe, else double-quoted (single-quoted when it holds double quotes). */
export function yamlScalar(value: string): string {
  if (!needsQuotes(value)) return value;
  if (value.includes('"') && !/[\n\r\t\\]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value);
}

/** Double-quoted YAML (for values that are always quoted, like booleans and integers). */
export function yamlDoubleQuoted(value: string): string {
  return JSON.stringify(value);
}

/** Escapes literal text for a snippet (`$`, `}` and `\` are special). */
export function snippetEscape(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** Escapes one option of a snippet choice `${1|a,b|}`. */
export function choiceEscape(text: string): string {
  return text.replace(/[\\,|$}]/g, '\\$&');
}

/** The text a snippet inserts when every placeholder keeps its default (first choice). */
export function expandSnippet(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i] as string;
    if (c === '\\' && i + 1 < snippet.length) {
      out += snippet[++i];
      continue;
    }
    if (c === '$') {
      const m = /^\$(?:(\d+)|\{(\d+)(?::|\|)?)/.exec(snippet.slice(i));
      if (m) {
        if (m[1] !== undefined) {
          i += m[0].length - 1;
          continue;
        }
        // ${n:default} or ${n|a,b|} or ${n}
        const inner = readPlaceholder(snippet, i + m[0].length, m[0].endsWith('|'));
        out += inner.text;
        i = inner.end;
        continue;
      }
    }
    out += c;
  }
  return out;
}

function readPlaceholder(s: string, from: number, choice: boolean): { text: string; end: number } {
  let text = '';
  let chosen = false;
  for (let i = from; i < s.length; i++) {
    const c = s[i] as string;
    if (c === '\\' && i + 1 < s.length) {
      if (!chosen) text += s[i + 1];
      i++;
      continue;
    }
    if (choice) {
      if (c === ',') chosen = true;
      else if (c === '|' && s[i + 1] === '}') return { text, end: i + 1 };
      else if (!chosen) text += c;
      continue;
    }
    if (c === '$' && s[i + 1] === '{') {
      const nested = /^\$\{\d+(:|\|)?/.exec(s.slice(i));
      if (nested) {
        const inner = readPlaceholder(s, i + nested[0].length, nested[1] === '|');
        text += inner.text;
        i = inner.end;
        continue;
      }
    }
    if (c === '}') return { text, end: i };
    text += c;
  }
  return { text, end: s.length };
}
