#!/usr/bin/env node
// The floor: what parsing the same text with the `yaml` package alone costs, timed in-process.
// Run as a child of run.mjs so that its memory can be read the same way as a server's.
//
//   node floor.mjs single FILE META_JSON ITERATIONS   -> open / edit (full reparse) / one-document reparse
//   node floor.mjs workspace DIR ITERATIONS            -> read + parse every *.yaml / *.yml file
// Prints one JSON object on stdout.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { spreadIngress } from './generate.mjs';

const TYPO_COL = '    alb.ingress.kubernetes.io/sch'.length; // the 'e' of 'scheme' that edits delete and re-insert

const BUDGET_MS = 300_000; // every loop stops after this long, whatever its count
const [mode, target, a3, a4] = process.argv.slice(2);
const now = () => performance.now();
const mem = () => {
  const s = readFileSync('/proc/self/status', 'utf8');
  const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)[1]);
  return { rssMiB: kb('VmRSS') / 1024, hwmMiB: kb('VmHWM') / 1024 };
};
const parse = (text) => {
  const docs = parseAllDocuments(text);
  // Touch the result so that nothing is left lazy; count syntax errors like a linter would.
  let errors = 0;
  for (const d of docs) errors += d.errors.length;
  return { docs, errors };
};

function* yamlFiles(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* yamlFiles(p);
    else if (/\.ya?ml$/.test(e.name)) yield p;
  }
}

const out = {};
if (mode === 'single') {
  const meta = JSON.parse(readFileSync(a3, 'utf8'));
  const iterations = Number(a4);
  let text = readFileSync(target, 'utf8');
  let t = now();
  let kept = parse(text);
  out.openMs = now() - t;
  out.docs = kept.docs.length;
  out.memory = mem();
  // Same edits as the servers get: toggle a typo in the scheme key of successive Ingresses.
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  out.editMs = [];
  out.oneDocMs = [];
  const start = now();
  for (let i = 0; i < iterations && now() - start < BUDGET_MS; i++) {
    const ing = spreadIngress(meta, Math.floor(i / 2), Math.ceil(iterations / 2));
    const pos = lineStarts[ing.schemeLine] + TYPO_COL;
    const intact = text.startsWith('scheme', pos - 3);
    text = intact ? text.slice(0, pos) + text.slice(pos + 1) : text.slice(0, pos) + 'e' + text.slice(pos);
    t = now();
    kept = parse(text);
    out.editMs.push(now() - t);
    // Incremental floor: reparse only the edited document.
    const from = text.lastIndexOf('\n---\n', pos) + 1;
    const to = text.indexOf('\n---\n', pos);
    const doc = text.slice(from, to < 0 ? text.length : to);
    t = now();
    parse(doc);
    out.oneDocMs.push(now() - t);
  }
  out.memoryAfter = mem();
} else if (mode === 'workspace') {
  const iterations = Number(a3);
  out.indexMs = [];
  const start = now();
  let kept = null;
  for (let i = 0; i < iterations && now() - start < BUDGET_MS; i++) {
    kept = null;
    const t = now();
    const all = [];
    let docs = 0;
    for (const f of yamlFiles(target)) {
      const r = parse(readFileSync(f, 'utf8'));
      docs += r.docs.length;
      all.push(r.docs);
    }
    out.indexMs.push(now() - t);
    out.docs = docs;
    kept = all;
  }
  out.keptFiles = kept?.length;
  out.memory = mem();
} else {
  console.error('usage: node floor.mjs single FILE META_JSON ITERATIONS | workspace DIR ITERATIONS');
  process.exit(2);
}
console.log(JSON.stringify(out));
