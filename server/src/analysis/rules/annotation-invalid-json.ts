import { schemaFile } from '../schema/files';
import { validateValue } from '../schema/validator';
import { missingRequired } from '../catalog/jsonValue';
import { innerSpan } from './support/annotations';
import { jsonEntries, spanAt } from './support/json';
import type { ObjectRule } from './types';

export const rule: ObjectRule = {
  id: 'annotation-invalid-json',
  title: 'JSON annotation is malformed or does not match its schema',
  description: 'JSON-valued annotations (`listen-ports`, `actions.*`, `conditions.*`, `transforms.*`, `auth-idp-*`, `mutual-authentication`, `jwt-validation`, Service `actions.*`) must be valid JSON of the shape the controller expects. Syntax errors, wrong types, missing required fields, invalid enum values and duplicate keys are reported, pointing inside the JSON where possible.',
  remediation: 'Fix the JSON at the marked position; write the whole value as one single-quoted YAML string.',
  severity: 'error',
  kinds: 'any',
  scope: 'object',
  docs: {
    why: 'The controller decodes these values with Go\'s encoding/json and then validates them. Invalid JSON ("failed to parse json annotation"), a missing `statusCode`, a port written as a string or an unknown action `type` stops reconciliation of the whole Ingress (and of its IngressGroup). Duplicate keys such as `[{"HTTP": 80, "HTTP": 8080}]` are collapsed silently: only the last one survives, so listeners go missing.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/listen-ports: \'[{"HTTP": 80}, {"HTTPS": "443"}]\'\nspec:\n  ingressClassName: alb\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/listen-ports: \'[{"HTTP": 80}, {"HTTPS": 443}]\'\nspec:\n  ingressClassName: alb\n',
  },
  check({ obj, report }) {
    for (const j of jsonEntries(obj)) {
      const { entry, parsed } = j;
      if (!parsed.ok) {
        const err = parsed.error ?? { offset: 0, message: 'not valid JSON' };
        report({
          span: innerSpan(obj.chunk.text, entry.scalar, err.offset, err.offset, entry.keySpan),
          message: `Annotation "${entry.key}" is not valid JSON: ${err.message}. The controller fails with "failed to parse json annotation" and does not reconcile the object.`,
        });
        continue;
      }
      for (const d of parsed.duplicates) {
        report({
          span: spanAt(obj, j, [...d.path, d.key], 'key'),
          message: `Annotation "${entry.key}" repeats the key "${d.key}" in one JSON object; Go keeps only the last one and silently drops the earlier value.${entry.spec.schemaFile === 'listen-ports.schema.json' ? ' Use one object per listener: [{"HTTP": 80}, {"HTTP": 8080}].' : ''}`,
        });
      }
      const schema = schemaFile(`annotations/${entry.spec.schemaFile as string}`);
      if (!schema) continue;
      for (const e of validateValue(schema, parsed.value)) {
        if (e.keyword === 'additionalProperties') continue; // unknown fields: annotation-unknown-json-field
        const anchorKey = e.anchor === 'key' && !e.missing;
        const path = e.missing ? e.path.slice(0, -1) : e.path;
        let message = e.message.replace(/`/g, '"').replace(/^"" /, 'The value ');
        if (e.keyword === 'anyOf') {
          const missing = missingRequired(schema as Record<string, unknown>, parsed.value, e.path);
          if (missing.length) message = `${e.path.length ? `"${String(e.path[e.path.length - 1])}"` : 'The value'} is missing the required field${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}.`;
        }
        if (e.keyword === 'type' && e.path.length === 0 && Array.isArray(parsed.value) === false && /list/.test(message)) message += ' Wrap it in [ ].';
        report({
          span: spanAt(obj, j, path, anchorKey ? 'key' : 'value'),
          message: `Annotation "${entry.key}": ${message}`,
        });
      }
    }
  },
};
