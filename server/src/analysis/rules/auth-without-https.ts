import { ownAnnotations } from './support/annotations';
import { explicitListeners, LISTEN_PORTS } from './support/listeners';
import type { ObjectRule } from './types';

const AUTH = 'alb.ingress.kubernetes.io/auth-type';
const JWT = 'alb.ingress.kubernetes.io/jwt-validation';

export const rule: ObjectRule = {
  id: 'auth-without-https',
  title: 'Authentication configured on an Ingress without an HTTPS listener',
  description: '`auth-type: cognito|oidc` and `jwt-validation` only take effect on HTTPS listeners; an Ingress whose `listen-ports` are all HTTP gets no authentication at all.',
  remediation: 'Add an HTTPS listener (`{"HTTPS": 443}` in `listen-ports`, with a certificate), optionally redirecting HTTP with `ssl-redirect`.',
  severity: 'warning',
  kinds: ['Ingress'],
  scope: 'object',
  docs: {
    why: 'The controller adds the authenticate action only to rules on HTTPS listeners. On an HTTP-only Ingress the authentication is skipped silently, so the application is reachable without logging in.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/listen-ports: \'[{"HTTP": 80}]\'\n    alb.ingress.kubernetes.io/auth-type: cognito\nspec:\n  ingressClassName: alb\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/listen-ports: \'[{"HTTPS": 443}]\'\n    alb.ingress.kubernetes.io/auth-type: cognito\nspec:\n  ingressClassName: alb\n',
  },
  check({ obj, report }) {
    const own = ownAnnotations(obj);
    const auth = own.get(AUTH);
    const jwt = own.get(JWT);
    const trigger = auth && (auth.value === 'cognito' || auth.value === 'oidc') ? auth : jwt && !jwt.templated ? jwt : undefined;
    if (!trigger) return;
    const listeners = explicitListeners(own);
    if (!listeners || listeners.some((l) => l.protocol === 'HTTPS')) return;
    const what = trigger === auth ? `"${AUTH}: ${auth?.value}"` : `"${JWT}"`;
    report({
      span: trigger.keySpan,
      message: `${what} only applies to HTTPS listeners, but listen-ports declares only HTTP (${listeners.map((l) => `${l.protocol}:${l.port}`).join(', ')}); the controller skips the authentication silently and requests reach the backends unauthenticated. Add {"HTTPS": 443} to listen-ports.`,
      related: [{ obj, span: own.get(LISTEN_PORTS)!.keySpan, message: 'listen-ports' }],
    });
  },
};
