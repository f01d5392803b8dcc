import { parseGoBool, parseStringList } from '../catalog/parseValue';
import { ownAnnotations } from './support/annotations';
import type { ObjectRule } from './types';

const SVC = 'service.beta.kubernetes.io/aws-load-balancer-';
const ALB = 'alb.ingress.kubernetes.io/';

interface Group {
  readonly kind: 'Service' | 'Ingress';
  readonly subnets: string;
  readonly lists: readonly { readonly key: string; readonly what: string; readonly scheme?: 'internet-facing' | 'internal' }[];
  readonly schemeKey: string;
}

const GROUPS: readonly Group[] = [
  {
    kind: 'Service',
    subnets: `${SVC}subnets`,
    schemeKey: `${SVC}scheme`,
    lists: [
      { key: `${SVC}eip-allocations`, what: 'Elastic IP allocations', scheme: 'internet-facing' },
      { key: `${SVC}private-ipv4-addresses`, what: 'private IPv4 addresses', scheme: 'internal' },
      { key: `${SVC}ipv6-addresses`, what: 'IPv6 addresses' },
      { key: `${SVC}source-nat-ipv6-prefixes`, what: 'source NAT IPv6 prefixes' },
    ],
  },
  {
    kind: 'Ingress',
    subnets: `${ALB}frontend-nlb-subnets`,
    schemeKey: `${ALB}frontend-nlb-scheme`,
    lists: [{ key: `${ALB}frontend-nlb-eip-allocations`, what: 'Elastic IP allocations', scheme: 'internet-facing' }],
  },
];

export const rule: ObjectRule = {
  id: 'nlb-subnet-count-mismatch',
  title: 'Per-subnet NLB addresses do not match the subnets or the scheme',
  description: 'Elastic IP allocations, private IPv4 addresses, IPv6 addresses and source-NAT prefixes are assigned one per subnet, in order: their count must equal the number of subnets in the subnets annotation. EIPs need an internet-facing NLB and private IPv4 addresses an internal one.',
  remediation: 'List exactly one address per subnet, in the same order, and use the matching scheme.',
  severity: 'error',
  kinds: ['Service', 'Ingress'],
  scope: 'object',
  docs: {
    why: 'The controller maps the n-th address to the n-th subnet and fails when the counts differ ("count of EIP allocations (1) and subnets (2) must match") or when the scheme does not allow them ("EIP allocations can only be set for internet facing load balancers"); the NLB is not created. The in-tree provider silently ignores mismatched lists instead.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-type: external\n    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip\n    service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing\n    service.beta.kubernetes.io/aws-load-balancer-subnets: subnet-0a1b2c3d4e5f67890,subnet-0f9e8d7c6b5a43210\n    service.beta.kubernetes.io/aws-load-balancer-eip-allocations: eipalloc-0123456789abcdef0\nspec:\n  type: LoadBalancer\n  selector:\n    app: web\n  ports:\n    - port: 80\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-type: external\n    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip\n    service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing\n    service.beta.kubernetes.io/aws-load-balancer-subnets: subnet-0a1b2c3d4e5f67890,subnet-0f9e8d7c6b5a43210\n    service.beta.kubernetes.io/aws-load-balancer-eip-allocations: eipalloc-0123456789abcdef0,eipalloc-0fedcba9876543210\nspec:\n  type: LoadBalancer\n  selector:\n    app: web\n  ports:\n    - port: 80\n',
  },
  check({ obj, report }) {
    const own = ownAnnotations(obj);
    for (const g of GROUPS) {
      if (g.kind !== obj.model.kind) continue;
      const subnets = own.get(g.subnets);
      const subnetCount = subnets && !subnets.templated && subnets.value !== undefined ? parseStringList(subnets.value).length : undefined;
      const schemeEntry = own.get(g.schemeKey);
      let scheme = schemeEntry && !schemeEntry.templated ? schemeEntry.value : undefined;
      let schemeFrom = g.schemeKey;
      if (scheme === undefined && g.kind === 'Service') {
        const internal = own.get(`${SVC}internal`);
        const b = internal?.value !== undefined ? parseGoBool(internal.value) : undefined;
        if (b !== undefined) {
          scheme = b ? 'internal' : 'internet-facing';
          schemeFrom = `${SVC}internal`;
        }
      }
      for (const l of g.lists) {
        const e = own.get(l.key);
        if (!e || e.templated || e.value === undefined) continue;
        const n = parseStringList(e.value).length;
        if (subnetCount !== undefined && subnetCount > 0 && n !== subnetCount) {
          report({
            span: e.keySpan,
            message: `"${l.key}" lists ${n} ${l.what} but "${g.subnets}" lists ${subnetCount} subnet${subnetCount === 1 ? '' : 's'}; they are matched one per subnet, in order, and the controller fails when the counts differ. List exactly ${subnetCount}.`,
            related: subnets ? [{ obj, span: subnets.keySpan, message: `${subnetCount} subnet(s)` }] : [],
          });
        }
        if (l.scheme && (scheme === 'internal' || scheme === 'internet-facing') && scheme !== l.scheme) {
          report({
            span: e.keySpan,
            message: `"${l.key}" can only be used on ${l.scheme === 'internet-facing' ? 'an internet-facing' : 'an internal'} load balancer, but this one is ${scheme} (${schemeFrom}); the controller fails to build it. ${l.scheme === 'internet-facing' ? 'Set the scheme to internet-facing, or remove the Elastic IPs.' : 'Set the scheme to internal, or remove the private addresses.'}`,
          });
        }
      }
    }
  },
};
