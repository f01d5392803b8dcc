import { ownAnnotations } from './support/annotations';
import type { ObjectRule } from './types';

const VERSION = 'alb.ingress.kubernetes.io/backend-protocol-version';
const CODES = 'alb.ingress.kubernetes.io/success-codes';

export const rule: ObjectRule = {
  id: 'grpc-success-codes',
  title: 'gRPC target group with HTTP success codes',
  description: 'With `backend-protocol-version: GRPC`, `success-codes` holds gRPC status codes (0-99, default 12), not HTTP codes such as 200.',
  remediation: 'Use gRPC codes, e.g. "0" (OK) or "0-99", or remove the annotation to use the default "12".',
  severity: 'error',
  kinds: ['Ingress', 'Service'],
  scope: 'object',
  docs: {
    why: 'For gRPC target groups the controller puts `success-codes` into the gRPC matcher; AWS rejects codes outside 0-99 ("Health check matcher GRPC code \'200\' must be within \'0-99\'") and the target group is not created or updated.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: grpc\n  annotations:\n    alb.ingress.kubernetes.io/backend-protocol-version: GRPC\n    alb.ingress.kubernetes.io/success-codes: "200"\nspec:\n  ingressClassName: alb\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: grpc\n  annotations:\n    alb.ingress.kubernetes.io/backend-protocol-version: GRPC\n    alb.ingress.kubernetes.io/success-codes: "0"\nspec:\n  ingressClassName: alb\n',
  },
  check({ obj, report }) {
    const own = ownAnnotations(obj);
    const v = own.get(VERSION);
    const c = own.get(CODES);
    if (!v || !c || v.value !== 'GRPC' || c.templated || c.value === undefined || !c.valueSpan) return;
    const bad = (c.value.match(/[0-9]+/g) ?? []).filter((n) => Number(n) > 99);
    if (bad.length === 0) return;
    report({
      span: { start: c.valueSpan.start, end: c.valueSpan.start + obj.chunk.text.slice(c.valueSpan.start, c.valueSpan.end).trimEnd().length },
      message: `"${CODES}" is "${c.value}", but with "${VERSION}: GRPC" the success codes are gRPC status codes between 0 and 99 (${bad.join(', ')} ${bad.length === 1 ? 'is' : 'are'} outside); AWS rejects the target group. Use "0" (OK), a range such as "0-99", or remove the annotation for the default "12".`,
      related: [{ obj, span: v.keySpan, message: 'backend-protocol-version: GRPC' }],
    });
  },
};
