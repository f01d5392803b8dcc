/** Writes docs/rules/*.md from the rule registry. */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../server/src/analysis';
import { renderAnnotationsDoc, renderIndex, renderRuleDoc } from './ruleDocs';

const dir = path.join(__dirname, '..', 'docs', 'rules');
mkdirSync(dir, { recursive: true });
for (const rule of ALL_RULES) writeFileSync(path.join(dir, `${rule.id}.md`), renderRuleDoc(rule));
writeFileSync(path.join(dir, 'README.md'), renderIndex());
writeFileSync(path.join(dir, '..', 'annotations.md'), renderAnnotationsDoc());
console.log(`wrote ${ALL_RULES.length} rule docs to docs/rules/`);
