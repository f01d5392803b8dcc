import { parseStringList } from '../catalog/parseValue';
import { innerSpan, ownAnnotations } from './support/annotations';
import { serviceControllerOf, servicePorts } from './support/services';
import type { ObjectRule } from './types';

const PORTS = 'service.beta.kubernetes.io/aws-load-balancer-ssl-ports';
const CERT = 'service.beta.kubernetes.io/aws-load-balancer-ssl-cert';

export const rule: ObjectRule = {
  id: 'nlb-ssl-ports-unknown',
  title: '`aws-load-balancer-ssl-ports` names no port of the Service',
  description: 'Every item of `aws-load-balancer-ssl-ports` must be the name or number of a port in `spec.ports`; with the AWS Load Balancer Controller `*` is not accepted either (leave the annotation out to mean all ports).',
  remediation: 'Use the Service port\'s number or name (e.g. "443" or "https"), or remove the annotation to make every TCP port a TLS listener.',
  severity: 'error',
  kinds: ['Service'],
  scope: 'object',
  docs: {
    why: 'Since v2.5.0 the AWS Load Balancer Controller rejects entries that match no Service port ("Unused port in ssl-ports annotation") and the NLB is not reconciled; `*` matches no port there. The in-tree provider ignores unknown entries, so the port you meant stays unencrypted.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-type: external\n    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip\n    service.beta.kubernetes.io/aws-load-balancer-ssl-cert: arn:aws:acm:us-east-1:123456789012:certificate/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d\n    service.beta.kubernetes.io/aws-load-balancer-ssl-ports: "8443"\nspec:\n  type: LoadBalancer\n  selector:\n    app: web\n  ports:\n    - name: https\n      port: 443\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-type: external\n    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip\n    service.beta.kubernetes.io/aws-load-balancer-ssl-cert: arn:aws:acm:us-east-1:123456789012:certificate/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d\n    service.beta.kubernetes.io/aws-load-balancer-ssl-ports: "443"\nspec:\n  type: LoadBalancer\n  selector:\n    app: web\n  ports:\n    - name: https\n      port: 443\n',
  },
  check({ obj, report }) {
    const own = ownAnnotations(obj);
    const e = own.get(PORTS);
    if (!e || e.templated || e.value === undefined || !e.scalar || !own.has(CERT)) return;
    const c = serviceControllerOf(obj);
    if (c.by !== 'aws-load-balancer-controller' && c.by !== 'in-tree') return;
    const ports = servicePorts(obj);
    if (!ports || ports.length === 0) return;
    const lbc = c.by === 'aws-load-balancer-controller';
    const known = ports.map((p) => (p.name ? `${p.port} (${p.name})` : p.port)).join(', ');
    for (const item of parseStringList(e.value)) {
      if (item.text === '*') {
        if (!lbc) continue;
        report({
          span: innerSpan(obj.chunk.text, e.scalar, item.start, item.start + 1, e.keySpan),
          message: `"${PORTS}" contains "*", which the AWS Load Balancer Controller does not expand: it matches no Service port and reconciliation fails with "Unused port in ssl-ports annotation". Remove the annotation to use TLS on every TCP port, or list the ports (${known}).`,
        });
        continue;
      }
      if (ports.some((p) => p.port === item.text || p.name === item.text)) continue;
      report({
        span: innerSpan(obj.chunk.text, e.scalar, item.start, item.start + item.text.length, e.keySpan),
        message: `"${PORTS}" lists "${item.text}", which is neither the number nor the name of a port of this Service (ports: ${known}); ${lbc ? 'the AWS Load Balancer Controller fails with "Unused port in ssl-ports annotation"' : 'the in-tree provider ignores it, so no port gets TLS from this entry'}.`,
      });
    }
  },
};
