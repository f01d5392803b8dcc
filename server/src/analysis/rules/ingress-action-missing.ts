import { ACTIONS, annotation, ingressFacts } from '../xref/ingress';
import { isPartial } from '../xref/kustomize';
import { knownNamespace } from '../xref/namespaces';
import { nearMisses, quoteList } from '../xref/names';
import { rolloutManaged } from '../xref/rollouts';
import type { ObjectRule } from './types';

export const rule: ObjectRule = {
  id: 'ingress-action-missing',
  title: 'use-annotation backend without its action annotation',
  description: 'A backend with `port.name: use-annotation` takes its action from the annotation `alb.ingress.kubernetes.io/actions.<service.name>` of the same Ingress; here that annotation is missing.',
  remediation: 'Add the `alb.ingress.kubernetes.io/actions.<name>` annotation named after the backend\'s `service.name`, or fix the name so it matches an existing action.',
  severity: 'warning',
  kinds: ['Ingress'],
  scope: 'workspace',
  locality: 'namespace',
  docs: {
    why: 'For a `use-annotation` backend the `service.name` is not a Service: it names the action annotation (`actions.<name>`: fixed response, redirect or weighted forward). Without it the AWS Load Balancer Controller answers the path with a 503 fixed response (or fails the IngressGroup when `--tolerate-non-existent-backend-action=false`). Ingresses whose actions Argo Rollouts writes at runtime (named in a Rollout\'s `trafficRouting.alb`) are not reported.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/actions.response-503: >\n      {"type":"fixed-response","fixedResponseConfig":{"contentType":"text/plain","statusCode":"503"}}\nspec:\n  ingressClassName: alb\n  rules:\n    - http:\n        paths:\n          - path: /maintenance\n            pathType: Prefix\n            backend:\n              service:\n                name: response-503x\n                port:\n                  name: use-annotation\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/actions.response-503: >\n      {"type":"fixed-response","fixedResponseConfig":{"contentType":"text/plain","statusCode":"503"}}\nspec:\n  ingressClassName: alb\n  rules:\n    - http:\n        paths:\n          - path: /maintenance\n            pathType: Prefix\n            backend:\n              service:\n                name: response-503\n                port:\n                  name: use-annotation\n',
  },
  check({ obj, index, report }) {
    if (isPartial(index, obj)) return;
    const facts = ingressFacts(obj);
    const ns = knownNamespace(index, obj);
    const managed = ns ? rolloutManaged(index, ns) : undefined;
    const actions = facts.annotations.filter((a) => a.key.startsWith(ACTIONS)).map((a) => a.key.slice(ACTIONS.length));
    for (const b of facts.backends) {
      if (!b.useAnnotation || /[{$]/.test(b.serviceName)) continue;
      if (annotation(facts, ACTIONS + b.serviceName)) continue;
      if (managed && (managed.ingresses.has(obj.model.name ?? '') || managed.services.has(b.serviceName))) continue;
      const near = nearMisses(b.serviceName, actions);
      report({
        span: b.nameSpan,
        message: `This use-annotation backend needs the annotation "${ACTIONS}${b.serviceName}", which this Ingress does not have; the load balancer answers the path with 503.${near.length ? ` Existing actions: ${quoteList(near)}.` : actions.length ? ` Existing actions: ${quoteList(actions)}.` : ''}`,
      });
    }
  },
};
