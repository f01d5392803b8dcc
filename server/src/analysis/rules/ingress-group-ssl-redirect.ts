import { INGRESS_GROUP } from '../workspace/workspaceIndex';
import { paramsField, paramsString } from '../xref/classes';
import { ALB, annotation, IngressFacts } from '../xref/ingress';
import { describeMember, GroupMember, otherMembers } from '../xref/ingressGroups';
import { listenPorts } from '../xref/groupValues';
import { asSeq, getIn } from '../yaml/nodes';
import type { ObjectRule } from './types';

const SSL_REDIRECT = `${ALB}ssl-redirect`;
const LISTEN_PORTS = `${ALB}listen-ports`;

export const rule: ObjectRule = {
  id: 'ingress-group-ssl-redirect',
  title: 'ssl-redirect port is not an HTTPS listener of the IngressGroup',
  description: 'In an IngressGroup, `alb.ingress.kubernetes.io/ssl-redirect` must name a port that some member declares as HTTPS in `listen-ports`; the listeners of the shared ALB are the union of all members\' listen-ports.',
  remediation: 'Declare the port as HTTPS in the listen-ports of a member (e.g. `[{"HTTP": 80}, {"HTTPS": 443}]`), or point ssl-redirect at an HTTPS port of the group.',
  severity: 'error',
  kinds: ['Ingress'],
  scope: 'workspace',
  // IngressGroups span namespaces: cached per group (workspaceIndex.ts groupEpochOf).
  locality: 'namespace',
  reads: [INGRESS_GROUP],
  docs: {
    why: 'ssl-redirect applies to the whole ALB: every HTTP listener of the group answers with a redirect to the given port. The controller checks the port against the group\'s listeners, the union of the members\' `listen-ports` (default HTTP:80, or HTTPS:443 when the member has a certificate): a missing port fails with "listener does not exist for SSLRedirect port", an HTTP one with "listener protocol non-SSL for SSLRedirect port". A single Ingress is checked by the annotation rules; this rule looks across the members of a group.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/group.name: shop\n    alb.ingress.kubernetes.io/ssl-redirect: "443"\n    alb.ingress.kubernetes.io/listen-ports: \'[{"HTTP": 80}]\'\nspec:\n  ingressClassName: alb\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: api\n  annotations:\n    alb.ingress.kubernetes.io/group.name: shop\n    alb.ingress.kubernetes.io/listen-ports: \'[{"HTTP": 8080}]\'\nspec:\n  ingressClassName: alb\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/group.name: shop\n    alb.ingress.kubernetes.io/ssl-redirect: "443"\n    alb.ingress.kubernetes.io/listen-ports: \'[{"HTTP": 80}]\'\nspec:\n  ingressClassName: alb\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: api\n  annotations:\n    alb.ingress.kubernetes.io/group.name: shop\n    alb.ingress.kubernetes.io/listen-ports: \'[{"HTTP": 80}, {"HTTPS": 443}]\'\nspec:\n  ingressClassName: alb\n',
  },
  check({ obj, index, report }) {
    const g = otherMembers(index, obj);
    if (!g || !g.others.length) return;
    const mine = annotation(g.self.facts, SSL_REDIRECT);
    if (!mine?.value || !mine.valueSpan || !/^\d+$/.test(mine.value.trim())) return;
    if (g.self.cls.params && paramsString(g.self.cls.params, ['sslRedirectPort'])) return; // the class decides (ingress-class-params-override)
    const port = mine.value.trim();
    const listeners = new Map<string, { protocol: string; member: GroupMember }[]>();
    for (const m of [g.self, ...g.others]) {
      const ports = membersListeners(m);
      if (!ports) return; // a member's listeners are unknown (malformed or templated): do not guess
      for (const [p, protocol] of ports) listeners.set(p, [...(listeners.get(p) ?? []), { protocol, member: m }]);
    }
    const at = listeners.get(port);
    if (at?.some((l) => l.protocol === 'HTTPS')) return;
    const all = [...listeners].map(([p, ls]) => `${ls[0]!.protocol}:${p}`).join(', ');
    if (!at) {
      report({
        span: mine.valueSpan,
        message: `IngressGroup "${g.self.group}": ssl-redirect ${port} is not a listener of the group (its listeners: ${all}); the controller fails with "listener does not exist for SSLRedirect port". Declare {"HTTPS": ${port}} in the listen-ports of a member.`,
      });
    } else {
      report({
        span: mine.valueSpan,
        message: `IngressGroup "${g.self.group}": ssl-redirect ${port} is an HTTP listener (declared by ${at.map((l) => `Ingress ${describeMember(l.member)}`).join(', ')}); the controller fails with "listener protocol non-SSL for SSLRedirect port". Declare port ${port} as HTTPS.`,
        related: at.filter((l) => l.member.obj.model !== obj.model).map((l) => {
          const a = annotation(l.member.facts, LISTEN_PORTS);
          return { obj: l.member.obj, span: a?.valueSpan ?? l.member.obj.model.kindSpan, message: `listen-ports of Ingress ${describeMember(l.member)}` };
        }),
      });
    }
  },
};

/** The member's listeners (port → protocol), with the controller's defaults; undefined when unknown. */
function membersListeners(m: GroupMember): Map<string, string> | undefined {
  const raw = annotation(m.facts, LISTEN_PORTS)?.value;
  if (raw !== undefined) return /\$\{|\{\{/.test(raw) ? undefined : listenPorts(raw);
  return new Map([hasCertificate(m.facts, m) ? ['443', 'HTTPS'] : ['80', 'HTTP']]);
}

/** Any certificate source makes the default listener HTTPS:443 (erring towards no false alarm). */
function hasCertificate(f: IngressFacts, m: GroupMember): boolean {
  if (annotation(f, `${ALB}certificate-arn`)?.value || annotation(f, `${ALB}create-acm-cert`)?.value === 'true') return true;
  if (asSeq(getIn(m.obj.model.root, ['spec', 'tls'], m.obj.model.anchors), m.obj.model.anchors)?.items.length) return true;
  return !!m.cls.params && paramsField(m.cls.params, ['certificateArn']) !== undefined;
}
