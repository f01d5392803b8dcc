/**
 * JSON templates for the JSON-valued annotations, keyed by the spec's schema file. Written with
 * ⟪n:default⟫ / ⟪n|a,b⟫ tab stops that `templateSnippet` turns into snippet syntax; every template
 * expands (defaults kept) to a value its schema accepts.
 */
import { choiceEscape, snippetEscape } from './yamlText';

export interface JsonTemplate {
  readonly label: string;
  readonly template: string;
}

export const JSON_TEMPLATES: Readonly<Record<string, readonly JsonTemplate[]>> = {
  'listen-ports.schema.json': [
    { label: 'HTTP 80 and HTTPS 443', template: '[{"HTTP": ⟪1:80⟫}, {"HTTPS": ⟪2:443⟫}]' },
    { label: 'HTTPS 443 only', template: '[{"HTTPS": ⟪1:443⟫}]' },
    { label: 'HTTP 80 only', template: '[{"HTTP": ⟪1:80⟫}]' },
  ],
  'actions.schema.json': [
    { label: 'redirect to HTTPS', template: '{"type": "redirect", "redirectConfig": {"protocol": "HTTPS", "port": "⟪1:443⟫", "statusCode": "⟪2|HTTP_301,HTTP_302⟫"}}' },
    { label: 'fixed response', template: '{"type": "fixed-response", "fixedResponseConfig": {"contentType": "⟪1:text/plain⟫", "statusCode": "⟪2:404⟫", "messageBody": "⟪3:not found⟫"}}' },
    {
      label: 'weighted forward to two Services',
      template: '{"type": "forward", "forwardConfig": {"targetGroups": [{"serviceName": "⟪1:app-stable⟫", "servicePort": ⟪2:80⟫, "weight": ⟪3:90⟫}, {"serviceName": "⟪4:app-canary⟫", "servicePort": ⟪5:80⟫, "weight": ⟪6:10⟫}]}}',
    },
  ],
  'conditions.schema.json': [
    { label: 'HTTP header', template: '[{"field": "http-header", "httpHeaderConfig": {"httpHeaderName": "⟪1:X-Canary⟫", "values": ["⟪2:true⟫"]}}]' },
    { label: 'source IP', template: '[{"field": "source-ip", "sourceIPConfig": {"values": ["⟪1:10.0.0.0/8⟫"]}}]' },
    { label: 'query string', template: '[{"field": "query-string", "queryStringConfig": {"values": [{"key": "⟪1:version⟫", "value": "⟪2:v2⟫"}]}}]' },
    { label: 'HTTP request method', template: '[{"field": "http-request-method", "httpRequestMethodConfig": {"values": ["⟪1|GET,POST,PUT,DELETE⟫"]}}]' },
    { label: 'host header', template: '[{"field": "host-header", "hostHeaderConfig": {"values": ["⟪1:app.example.com⟫"]}}]' },
    { label: 'path pattern', template: '[{"field": "path-pattern", "pathPatternConfig": {"values": ["⟪1:/api/*⟫"]}}]' },
  ],
  'transforms.schema.json': [
    { label: 'URL rewrite', template: '[{"type": "url-rewrite", "urlRewriteConfig": {"rewrites": [{"regex": "⟪1:^/api/(.*)$⟫", "replace": "⟪2:/$1⟫"}]}}]' },
    { label: 'host header rewrite', template: '[{"type": "host-header-rewrite", "hostHeaderRewriteConfig": {"rewrites": [{"regex": "⟪1:^(.*)\\\\.example\\\\.com$⟫", "replace": "⟪2:$1.internal.example.com⟫"}]}}]' },
  ],
  'service-actions.schema.json': [
    {
      label: 'weighted forward (canary)',
      template: '{"type": "forward", "forwardConfig": {"baseServiceWeight": ⟪1:90⟫, "targetGroups": [{"serviceName": "⟪2:app-canary⟫", "servicePort": ⟪3:80⟫, "weight": ⟪4:10⟫}]}}',
    },
  ],
};

const MARK = /⟪(\d+)([:|])([^⟫]*)⟫/g;

/** The template as snippet text (tab stops), without YAML quoting. */
export function templateSnippet(template: string): string {
  let out = '';
  let last = 0;
  MARK.lastIndex = 0;
  for (let m = MARK.exec(template); m; m = MARK.exec(template)) {
    out += snippetEscape(template.slice(last, m.index));
    const [, n, sep, body] = m as unknown as [string, string, string, string];
    out += sep === ':' ? `\${${n}:${snippetEscape(body)}}` : `\${${n}|${body.split(',').map(choiceEscape).join(',')}|}`;
    last = m.index + m[0].length;
  }
  return out + snippetEscape(template.slice(last));
}

/** The template with every tab stop at its default (first choice). */
export function templateText(template: string): string {
  return template.replace(MARK, (_all, _n: string, sep: string, body: string) => (sep === ':' ? body : (body.split(',')[0] ?? '')));
}
