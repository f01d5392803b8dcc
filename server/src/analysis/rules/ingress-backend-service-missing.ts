import type { Span } from '../model/types';
import { scalarLike } from '../xref/edits';
import { ingressFacts } from '../xref/ingress';
import { isPartial } from '../xref/kustomize';
import { knownNamespace } from '../xref/namespaces';
import { quoteList } from '../xref/names';
import { resolveService } from '../xref/resolve';
import type { ObjectRule } from './types';

interface Payload {
  readonly span: Span;
  readonly text: string;
  readonly value: string;
}

export const rule: ObjectRule = {
  id: 'ingress-backend-service-missing',
  title: 'Ingress backend Service not found',
  description: 'An Ingress backend (a rule path, the default backend, or a target group of an `actions.<name>` forward) names a Service that does not exist in the Ingress\'s namespace, although the workspace defines other Services there.',
  remediation: 'Point the backend at an existing Service of the same namespace (the finding suggests the closest names), or add the Service.',
  severity: 'warning',
  kinds: ['Ingress'],
  scope: 'workspace',
  locality: 'namespace',
  docs: {
    why: 'A backend can only reach a Service of the Ingress\'s own namespace. With a missing Service the AWS Load Balancer Controller answers that path with a fixed 503 response (or fails the whole IngressGroup when `--tolerate-non-existent-backend-service=false`), and other controllers return 503 as well. When the workspace defines no Service at all in that namespace, the Service may be deployed from elsewhere: that case is reported by `reference-not-in-workspace` at information level instead.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: webb\n                port:\n                  number: 80\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  number: 80\n',
  },
  check({ obj, index, report }) {
    if (isPartial(index, obj)) return;
    const ns = knownNamespace(index, obj);
    if (!ns) return;
    for (const b of ingressFacts(obj).backends) {
      if (b.useAnnotation) continue; // resolves to an actions.<name> annotation, not a Service
      const r = resolveService(index, ns, b.serviceName, obj.file.uri);
      if (r.status !== 'missing') continue;
      const where = b.fromAction ? ` (in the forward action "actions.${b.fromAction}")` : '';
      const hint = r.candidates.length ? ` Did you mean ${quoteList(r.candidates)}?` : ' Add the Service or point the backend at an existing one.';
      const near = r.candidates[0];
      const text = obj.chunk.text.slice(b.nameSpan.start, b.nameSpan.end);
      report({
        span: b.nameSpan,
        message: `Service "${b.serviceName}"${where} does not exist in namespace "${ns}"; the load balancer answers this backend with 503.${hint}`,
        // No rename inside an action's weighted forward: a missing canary is rarely the stable Service.
        ...(near && !b.fromAction ? { data: { span: b.nameSpan, value: near, text: scalarLike(text, near) } satisfies Payload } : {}),
      });
    }
  },
  fix(data, ctx) {
    const p = data as Payload | null;
    if (!p?.span) return [];
    return [ctx.fix(`Change the backend to Service "${p.value}"`, [ctx.edit(p.span, p.text)], true)];
  },
};
