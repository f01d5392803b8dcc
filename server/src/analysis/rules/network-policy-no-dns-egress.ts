import type { Span } from '../model/types';
import { networkPolicyOf, type NetworkPolicyModel, type PolicyRule, portsAllow } from '../policy/networkPolicy';
import { policiesIn, policyEntry, type PolicyEntry, selectedIn } from '../policy/selection';
import { appendMapEntry, appendSeqItem, columnOf, indentBlock } from '../policy/yamlEdit';
import { describeSelector } from '../kube/selectors';
import { asSeq, scalarString, spanOf } from '../yaml/nodes';
import type { ObjectRule } from './types';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

/** The egress rule the quick fix adds, written as a list item at column 0 (after `- `). */
export const DNS_RULE = [
  'to:',
  '  - namespaceSelector:',
  '      matchLabels:',
  '        kubernetes.io/metadata.name: kube-system',
  '    podSelector:',
  '      matchLabels:',
  '        k8s-app: kube-dns',
  'ports:',
  '  - protocol: UDP',
  '    port: 53',
  '  - protocol: TCP',
  '    port: 53',
].join('\n');

export const rule: ObjectRule = {
  id: 'network-policy-no-dns-egress',
  title: 'Egress isolated without DNS',
  description: 'Reports a NetworkPolicy that isolates egress when no policy selecting the same pods allows DNS (port 53) anywhere: every name lookup of those pods then times out.',
  remediation: 'Allow egress to kube-dns in kube-system on UDP and TCP port 53 (quick fix), in this policy or in a policy that selects the same pods.',
  severity: 'warning',
  kinds: ['NetworkPolicy'],
  scope: 'workspace',
  locality: 'namespace',
  docs: {
    why: 'Once a pod is selected by a policy with `Egress` in `policyTypes`, only the egress its policies allow gets through, and DNS is not special: without a rule allowing port 53 to the cluster DNS (kube-dns in kube-system on EKS, or the VPC resolver), every lookup fails and the application reports connection errors to hosts it cannot even resolve. The rule counts DNS allowed by any policy of the namespace that selects the same pods.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-egress\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes:\n    - Egress\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-egress\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes:\n    - Egress\n  egress:\n    - to:\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: kube-system\n          podSelector:\n            matchLabels:\n              k8s-app: kube-dns\n      ports:\n        - protocol: UDP\n          port: 53\n        - protocol: TCP\n          port: 53\n',
  },
  check({ obj, index, report }) {
    const entry = policyEntry(index, obj);
    if (!entry || !entry.selector || entry.model.uncertain || !entry.model.types.includes('Egress')) return;
    const group = egressGroup(index, entry);
    if (group.some((p) => !p.selector || p.model.uncertain || allowsDns(p.model, p.namespace))) return;
    const span = anchorOf(entry.model, obj.model.anchors);
    if (!span) return;
    const names = group.filter((p) => p.obj !== obj).map((p) => p.name);
    const pods = entry.selector.empty ? 'every pod of the namespace' : `the pods with ${describeSelector(entry.selector)}`;
    report({
      span,
      message: `This policy isolates egress for ${pods}, and no egress rule ${names.length ? `here or in ${names.map((n) => `"${n}"`).join(', ')} ` : ''}allows DNS (port 53): name lookups from these pods will time out. Allow UDP and TCP 53 to kube-dns in kube-system.`,
      data: { dns: true },
    });
  },
  fix(_data, ctx) {
    const obj = ctx.file.objects.find((o) => o.base === ctx.base && networkPolicyOf(o));
    const np = obj ? networkPolicyOf(obj) : undefined;
    if (!obj || !np?.spec) return [];
    const text = obj.chunk.text;
    const title = 'Allow DNS egress to kube-dns (UDP and TCP 53)';
    const pair = np.egressPair;
    if (!pair) {
      const edit = appendMapEntry(text, np.spec, 'egress', `\n  - ${indentBlock(DNS_RULE, 4)}`);
      return edit ? [ctx.fix(title, [ctx.edit(edit.span, edit.newText)], true)] : [];
    }
    const seq = asSeq(pair.value, obj.model.anchors);
    const keySpan = spanOf(pair.key);
    if (seq && seq.items.length) {
      const edit = appendSeqItem(text, seq, DNS_RULE);
      return edit ? [ctx.fix(title, [ctx.edit(edit.span, edit.newText)], true)] : [];
    }
    // `egress: []` or `egress:` with nothing: replace the empty value with a block list.
    if (!keySpan) return [];
    const valueEnd = spanOf(pair.value)?.end ?? keySpan.end;
    const nl = text.indexOf('\n', keySpan.end);
    const end = Math.max(valueEnd, keySpan.end);
    if (nl >= 0 && nl < end) return [];
    const col = columnOf(text, keySpan.start);
    const newText = `:\n${' '.repeat(col + 2)}- ${indentBlock(DNS_RULE, col + 4)}`;
    return [ctx.fix(title, [ctx.edit({ start: keySpan.end, end }, newText)], true)];
  },
};

/** The egress-isolating policies that apply to (some of) the same pods as `entry`, itself included. */
function egressGroup(index: WorkspaceIndex, entry: PolicyEntry): PolicyEntry[] {
  const mine = new Set(entry.selector ? selectedIn(index, entry.namespace, entry.selector).map((w) => w.obj) : []);
  const sameText = (p: PolicyEntry) => !!p.selector && !!entry.selector && describeSelector(p.selector) === describeSelector(entry.selector);
  const group = policiesIn(index, entry.namespace).filter((p) => {
    if (p.obj === entry.obj) return true;
    if (!p.model.types.includes('Egress')) return false;
    if (!p.selector || p.selector.empty || entry.selector?.empty || sameText(p)) return true;
    return selectedIn(index, p.namespace, p.selector).some((w) => mine.has(w.obj));
  });
  if (!group.some((p) => p.obj === entry.obj)) group.push(entry);
  return group;
}

/** True when some egress rule plausibly lets DNS through. */
export function allowsDns(np: NetworkPolicyModel, namespace: string): boolean {
  return np.egress.some((r) => ruleAllowsDns(r, namespace));
}

function ruleAllowsDns(r: PolicyRule, namespace: string): boolean {
  const named = (r.ports ?? []).some((p) => typeof p.port === 'string' && /dns/i.test(p.port));
  const port53 = (r.ports ?? []).length > 0 && (portsAllow(r.ports, 'UDP', 53) || portsAllow(r.ports, 'TCP', 53));
  if (named || port53) return true; // DNS ports to some destination: trust it
  if (r.ports && r.ports.length) return false;
  // Every port: DNS works if a destination can be the DNS server.
  if (!r.peers || !r.peers.length) return true;
  return r.peers.some((p) => p.ipBlock || p.namespaceSelector || namespace === 'kube-system' || p.podSelector?.requirements.some((q) => q.values.includes('kube-dns') || q.values.includes('coredns')));
}

function anchorOf(np: NetworkPolicyModel, anchors: Parameters<typeof asSeq>[1]): Span | undefined {
  if (np.typesExplicit) {
    const item = asSeq(np.policyTypesPair?.value, anchors)?.items.find((i) => scalarString(i, anchors) === 'Egress');
    const s = spanOf(item);
    if (s) return s;
  }
  return spanOf(np.egressPair?.key) ?? spanOf(np.podSelectorPair?.key);
}
