import { ACTIONS, CONDITIONS, ingressFacts, TRANSFORMS } from '../xref/ingress';
import { isPartial } from '../xref/kustomize';
import { nearMisses, quoteList } from '../xref/names';
import type { ObjectRule } from './types';

export const rule: ObjectRule = {
  id: 'ingress-action-unused',
  title: 'Action, condition or transform annotation that no backend uses',
  description: 'An `alb.ingress.kubernetes.io/actions.<name>`, `conditions.<name>` or `transforms.<name>` annotation only takes effect for a backend whose `service.name` is `<name>` (with `port.name: use-annotation` for actions); no backend of this Ingress refers to it.',
  remediation: 'Point a backend at it (`service.name: <name>`, and `port.name: use-annotation` for an action), or remove the annotation.',
  severity: 'warning',
  kinds: ['Ingress'],
  scope: 'workspace',
  locality: 'namespace',
  docs: {
    why: 'The controller reads `actions.<name>` only for `use-annotation` backends named `<name>`, and `conditions.<name>` / `transforms.<name>` only for rules whose backend is named `<name>`. An annotation nobody refers to is silently ignored: usually the backend name has a typo, or the backend forwards to a Service directly and the intended redirect, fixed response or condition never applies.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/actions.ssl-redirect: \'{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"}}\'\nspec:\n  ingressClassName: alb\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  number: 80\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/actions.ssl-redirect: \'{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"}}\'\nspec:\n  ingressClassName: alb\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: ssl-redirect\n                port:\n                  name: use-annotation\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  number: 80\n',
  },
  check({ obj, index, report }) {
    if (isPartial(index, obj)) return;
    const facts = ingressFacts(obj);
    const routed = facts.backends.filter((b) => !b.fromAction);
    if (routed.some((b) => /[{$]/.test(b.serviceName))) return; // templated backends: cannot tell
    for (const a of facts.annotations) {
      const prefix = [ACTIONS, CONDITIONS, TRANSFORMS].find((p) => a.key.startsWith(p));
      if (!prefix) continue;
      const name = a.key.slice(prefix.length);
      const what = prefix === ACTIONS ? 'action' : prefix === CONDITIONS ? 'condition' : 'transform';
      const sameName = routed.filter((b) => b.serviceName === name);
      if (prefix === ACTIONS ? sameName.some((b) => b.useAnnotation) : sameName.length > 0) continue;
      let message: string;
      if (prefix === ACTIONS && sameName.length) {
        message = `The ${what} "${name}" is never used: the backend named "${name}" forwards to the Service directly. Set its port to \`name: use-annotation\` to apply the action.`;
      } else {
        const names = [...new Set(routed.map((b) => b.serviceName))];
        const near = nearMisses(name, names);
        const rule = prefix === ACTIONS ? `a backend with service.name "${name}" and port.name use-annotation` : `a backend with service.name "${name}"`;
        message = `The ${what} "${name}" is never used: no rule of this Ingress has ${rule}, so the controller ignores it.${near.length ? ` Backends with a similar name: ${quoteList(near)}.` : ''}`;
      }
      report({ span: a.keySpan, message, tags: ['unnecessary'] });
    }
  },
};
