import { contains, parseCidr } from '../policy/cidr';
import { networkPolicyOf } from '../policy/networkPolicy';
import { isTemplated } from '../yaml/nodes';
import type { ObjectRule } from './types';

export const rule: ObjectRule = {
  id: 'network-policy-ip-block',
  title: 'NetworkPolicy ipBlock is invalid',
  description: 'Checks each `ipBlock` of a NetworkPolicy: `cidr` must be a valid IPv4 or IPv6 CIDR, and every `except` entry must be a CIDR of the same family strictly inside `cidr`. A `cidr` with host bits set is reported as information.',
  remediation: 'Write `cidr` as a network address with its prefix length, and keep `except` ranges inside it (or drop them).',
  severity: 'error',
  kinds: ['NetworkPolicy'],
  scope: 'object',
  docs: {
    why: 'The API server rejects a NetworkPolicy whose `ipBlock.cidr` is not a CIDR or whose `except` entries are not strict sub-ranges of it ("must be a strict subset of `cidr`"). An `except` of the other address family or outside the range is usually a copy-paste slip, and a `cidr` such as `10.0.0.1/16` silently means the whole `10.0.0.0/16`.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: egress-vpc\nspec:\n  podSelector: {}\n  egress:\n    - to:\n        - ipBlock:\n            cidr: 10.0.0.0/16\n            except:\n              - 10.1.0.0/24\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: egress-vpc\nspec:\n  podSelector: {}\n  egress:\n    - to:\n        - ipBlock:\n            cidr: 10.0.0.0/16\n            except:\n              - 10.0.1.0/24\n',
  },
  check({ obj, report }) {
    const np = networkPolicyOf(obj);
    if (!np) return;
    for (const r of [...np.ingress, ...np.egress]) {
      for (const peer of r.peers ?? []) {
        const block = peer.ipBlock;
        if (!block?.cidr || !block.cidrSpan || isTemplated(block.cidr)) continue;
        const cidr = parseCidr(block.cidr);
        if (!cidr) {
          // Shapes the schema pattern already rejects are reported there; this catches the rest (IPv6 details).
          if (/^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\/[0-9]+$/.test(block.cidr)) report({ span: block.cidrSpan, message: `"${block.cidr}" is not a valid IPv6 CIDR; the API server rejects the policy.` });
          continue;
        }
        if (cidr.hostBitsSet) {
          report({ span: block.cidrSpan, severity: 'info', message: `"${block.cidr}" has host bits set: the policy uses the whole network ${cidr.canonical}. Write ${cidr.canonical}${cidr.prefix === (cidr.family === 4 ? 32 : 128) ? '' : ` (or /${cidr.family === 4 ? 32 : 128} for this single address)`}.` });
        }
        for (const ex of block.except) {
          if (!ex.span || isTemplated(ex.value)) continue;
          const inner = parseCidr(ex.value);
          if (!inner) {
            if (/^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\/[0-9]+$/.test(ex.value)) report({ span: ex.span, message: `"${ex.value}" is not a valid IPv6 CIDR; the API server rejects the policy.` });
            continue;
          }
          if (inner.family !== cidr.family) {
            report({ span: ex.span, message: `"${ex.value}" is an IPv${inner.family} range but \`cidr\` ${block.cidr} is IPv${cidr.family}: every \`except\` entry must lie inside \`cidr\`, so the API server rejects the policy.` });
          } else if (!contains(cidr, inner)) {
            report({ span: ex.span, message: `"${ex.value}" is not inside \`cidr\` ${block.cidr}: every \`except\` entry must lie inside \`cidr\`, so the API server rejects the policy.` });
          } else if (inner.prefix === cidr.prefix) {
            report({ span: ex.span, message: `"${ex.value}" excludes all of \`cidr\` ${block.cidr}: an \`except\` entry must be a strict sub-range (longer prefix), so the API server rejects the policy.` });
          }
        }
      }
    }
  },
};
