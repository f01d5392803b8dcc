import { unknownFields } from '../catalog/jsonValue';
import { schemaFile } from '../schema/files';
import { jsonEntries, spanAt } from './support/json';
import type { ObjectRule } from './types';

export const rule: ObjectRule = {
  id: 'annotation-unknown-json-field',
  title: 'Unknown field in a JSON annotation',
  description: 'A field inside a JSON-valued annotation that the controller does not know, usually a typo (`statuscode` is fine, Go matches names case-insensitively, but `status_code` or `redirectconfig.hostname` are not). The controller drops such fields silently.',
  remediation: 'Rename the field to the suggested one, or remove it.',
  severity: 'warning',
  kinds: 'any',
  scope: 'object',
  docs: {
    why: 'Go\'s encoding/json ignores fields it does not know. A misspelled field in `actions.*` or `auth-idp-oidc` is therefore lost without any error: a redirect goes to the default host, an extra parameter is never sent. Field names are matched case-insensitively, so only real misspellings are reported.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/actions.old-site: \'{"type":"redirect","redirectConfig":{"hostname":"example.com","statusCode":"HTTP_301"}}\'\nspec:\n  ingressClassName: alb\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/actions.old-site: \'{"type":"redirect","redirectConfig":{"host":"example.com","statusCode":"HTTP_301"}}\'\nspec:\n  ingressClassName: alb\n',
  },
  check({ obj, report }) {
    for (const j of jsonEntries(obj)) {
      if (!j.parsed.ok) continue;
      const schema = schemaFile(`annotations/${j.entry.spec.schemaFile as string}`);
      if (!schema) continue;
      for (const u of unknownFields(schema as Record<string, unknown>, j.parsed.value)) {
        const where = u.path.length > 1 ? ` in "${u.path.slice(0, -1).join('.')}"` : '';
        report({
          span: spanAt(obj, j, u.path, 'key'),
          message: `Annotation "${j.entry.key}": unknown field "${u.field}"${where}; the controller ignores it silently.${u.suggestion ? ` Did you mean "${u.suggestion}"?` : u.known.length ? ` Known fields: ${u.known.map((k) => `"${k}"`).join(', ')}.` : ''}`,
        });
      }
    }
  },
};
