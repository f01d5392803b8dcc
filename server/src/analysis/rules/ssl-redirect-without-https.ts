import { parseGoInt } from '../catalog/parseValue';
import type { Span } from '../model/types';
import { ownAnnotations, yamlString } from './support/annotations';
import { explicitListeners, LISTEN_PORTS } from './support/listeners';
import type { ObjectRule } from './types';

const REDIRECT = 'alb.ingress.kubernetes.io/ssl-redirect';
const GROUP = 'alb.ingress.kubernetes.io/group.name';

interface Payload {
  readonly span: Span;
  readonly text: string;
  readonly title: string;
}

export const rule: ObjectRule = {
  id: 'ssl-redirect-without-https',
  title: 'ssl-redirect points at a port that is not an HTTPS listener',
  description: '`ssl-redirect` names the HTTPS port that HTTP listeners redirect to; that port must be declared as `HTTPS` in `listen-ports`. Checked on Ingresses that are not in an explicit IngressGroup (another member could declare the port).',
  remediation: 'Add `{"HTTPS": <port>}` to `listen-ports` (the quick fix does it), or point `ssl-redirect` at an existing HTTPS port.',
  severity: 'error',
  kinds: ['Ingress'],
  scope: 'object',
  docs: {
    why: 'The controller looks the redirect port up among the listeners of the group. When it is missing it fails with "listener does not exist for SSLRedirect port", and when it is an HTTP listener with "listener protocol non-SSL for SSLRedirect port"; the ALB is then not reconciled at all.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/listen-ports: \'[{"HTTP": 80}]\'\n    alb.ingress.kubernetes.io/ssl-redirect: "443"\nspec:\n  ingressClassName: alb\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/listen-ports: \'[{"HTTP": 80}, {"HTTPS": 443}]\'\n    alb.ingress.kubernetes.io/ssl-redirect: "443"\nspec:\n  ingressClassName: alb\n',
  },
  check({ obj, report }) {
    const own = ownAnnotations(obj);
    const r = own.get(REDIRECT);
    if (!r || r.templated || r.value === undefined || own.has(GROUP)) return;
    const port = parseGoInt(r.value);
    if (port === undefined) return;
    const listeners = explicitListeners(own);
    const lp = own.get(LISTEN_PORTS);
    if (!listeners || !lp?.scalar || !lp.valueSpan || lp.value === undefined) return;
    const same = listeners.filter((l) => l.port === port);
    if (same.some((l) => l.protocol === 'HTTPS')) return;
    const isHttp = same.length > 0;
    let end = lp.valueSpan.end;
    while (end > lp.valueSpan.start && /\s/.test(obj.chunk.text[end - 1] as string)) end--;
    const next = isHttp
      ? JSON.stringify(JSON.parse(lp.value).map((o: Record<string, number>) => (Object.keys(o).length === 1 && o.HTTP === port ? { HTTPS: port } : o)))
      : JSON.stringify([...(JSON.parse(lp.value) as unknown[]), { HTTPS: port }]);
    const data: Payload = { span: { start: lp.valueSpan.start, end }, text: yamlString(next, lp.scalar), title: isHttp ? `Declare port ${port} as HTTPS in listen-ports` : `Add {"HTTPS": ${port}} to listen-ports` };
    report({
      span: { start: r.valueSpan!.start, end: r.valueSpan!.start + obj.chunk.text.slice(r.valueSpan!.start, r.valueSpan!.end).trimEnd().length },
      message: isHttp
        ? `"${REDIRECT}" redirects to port ${port}, but listen-ports declares ${port} as HTTP; the controller fails with "listener protocol non-SSL for SSLRedirect port". Declare it as {"HTTPS": ${port}}.`
        : `"${REDIRECT}" redirects to port ${port}, but listen-ports has no HTTPS listener on ${port}; the controller fails with "listener does not exist for SSLRedirect port". Add {"HTTPS": ${port}} to listen-ports.`,
      related: [{ obj, span: lp.keySpan, message: `listen-ports: ${lp.value}` }],
      data,
    });
  },
  fix(data, ctx) {
    const p = data as Payload | null;
    if (!p?.span) return [];
    return [ctx.fix(p.title, [ctx.edit(p.span, p.text)], true)];
  },
};
