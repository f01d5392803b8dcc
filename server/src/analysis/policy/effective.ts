/**
 * The effective network picture of a workload across every policy of its namespace: which
 * NetworkPolicies select it, whether it is isolated for ingress and egress, and what each
 * direction allows (the union of the rules of the policies that isolate it); and which
 * SecurityGroupPolicies give it security groups (their groups combine).
 */
import { describeSelector, type Selector } from '../kube/selectors';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Workload } from '../xref/workloads';
import type { Direction, Peer, PolicyPort, PolicyRule } from './networkPolicy';
import { type PolicyEntry, policiesIn, policySelects, type SgpEntry, sgpSelects, sgpsIn } from './selection';

export interface DirectionPicture {
  readonly isolatedBy: readonly PolicyEntry[];
  readonly allows: readonly { readonly policy: PolicyEntry; readonly rule: PolicyRule }[];
}

export interface Picture {
  readonly policies: readonly PolicyEntry[];
  readonly ingress: DirectionPicture;
  readonly egress: DirectionPicture;
}

export function pictureOf(index: WorkspaceIndex, w: Workload): Picture {
  const policies = policiesIn(index, w.namespace).filter((p) => policySelects(p, w));
  const direction = (d: Direction): DirectionPicture => {
    const isolatedBy = policies.filter((p) => p.model.types.includes(d));
    const allows = isolatedBy.flatMap((policy) => (d === 'Ingress' ? policy.model.ingress : policy.model.egress).map((rule) => ({ policy, rule })));
    return { isolatedBy, allows };
  };
  return { policies, ingress: direction('Ingress'), egress: direction('Egress') };
}

export interface SecurityGroups {
  readonly sure: readonly SgpEntry[];
  /** Policies that apply when the pod's ServiceAccount carries the right labels (not in the workspace). */
  readonly maybe: readonly SgpEntry[];
  readonly groupIds: readonly string[];
}

export function securityGroupsOf(index: WorkspaceIndex, w: Workload): SecurityGroups {
  const sure: SgpEntry[] = [];
  const maybe: SgpEntry[] = [];
  for (const s of sgpsIn(index, w.namespace)) {
    const m = sgpSelects(index, s, w);
    if (m === 'yes') sure.push(s);
    else if (m === 'unknown') maybe.push(s);
  }
  return { sure, maybe, groupIds: [...new Set(sure.flatMap((s) => s.groupIds))] };
}

const sel = (s: Selector) => (s.empty ? '' : describeSelector(s));

export function describePeer(p: Peer): string {
  if (p.ipBlock) return `${p.ipBlock.cidr ?? '(no cidr)'}${p.ipBlock.except.length ? ` except ${p.ipBlock.except.map((e) => e.value).join(', ')}` : ''}`;
  const pods = p.podSelector ? (p.podSelector.empty ? 'every pod' : `pods ${sel(p.podSelector)}`) : 'every pod';
  if (!p.namespaceSelector) return p.podSelector ? `${pods} of this namespace` : 'nothing';
  const ns = p.namespaceSelector.empty ? 'every namespace' : `namespaces ${sel(p.namespaceSelector)}`;
  return `${pods} in ${ns}`;
}

export function describePort(p: PolicyPort): string {
  if (p.port === undefined) return `every ${p.protocol} port`;
  if (typeof p.port === 'string') return `${p.protocol} port "${p.port}"`;
  return p.endPort !== undefined ? `${p.protocol} ${p.port}-${p.endPort}` : `${p.protocol} ${p.port}`;
}

export function describeRule(r: PolicyRule): string {
  const peers = r.peers && r.peers.length ? r.peers.map(describePeer).join('; or ') : 'anywhere';
  const ports = r.ports && r.ports.length ? r.ports.map(describePort).join(', ') : 'all ports';
  return `${r.direction === 'Ingress' ? 'from' : 'to'} ${peers} — ${ports}`;
}

/** Markdown for a workload's hover: the effective NetworkPolicy picture and security groups. */
export function pictureMarkdown(index: WorkspaceIndex, w: Workload): string | undefined {
  const all = policiesIn(index, w.namespace);
  const pic = pictureOf(index, w);
  const sg = securityGroupsOf(index, w);
  const out: string[] = [];
  if (all.length) {
    out.push(`**Network policies** — ${pic.policies.length ? `${pic.policies.length} of ${all.length} in \`${w.namespace}\` select this workload: ${pic.policies.map((p) => `\`${p.name}\``).join(', ')}` : `none of the ${all.length} in \`${w.namespace}\` selects this workload`}`);
    for (const [label, d] of [['Ingress', pic.ingress], ['Egress', pic.egress]] as const) {
      if (!d.isolatedBy.length) {
        out.push(`- **${label}**: not isolated — all ${label === 'Ingress' ? 'inbound' : 'outbound'} traffic is allowed.`);
        continue;
      }
      const by = d.isolatedBy.map((p) => `\`${p.name}\``).join(', ');
      if (!d.allows.length) {
        out.push(`- **${label}**: isolated by ${by}; nothing is allowed${label === 'Egress' ? ' (DNS included)' : ''}.`);
        continue;
      }
      out.push(`- **${label}**: isolated by ${by}; allowed:`);
      for (const a of d.allows.slice(0, 12)) out.push(`  - ${describeRule(a.rule)} (\`${a.policy.name}\`)`);
      if (d.allows.length > 12) out.push(`  - … and ${d.allows.length - 12} more rules`);
    }
  }
  if (sg.sure.length || sg.maybe.length) {
    if (out.length) out.push('');
    if (w.tpl.hostNetwork) out.push(`**Security groups for pods** — selected by ${[...sg.sure, ...sg.maybe].map((s) => `\`${s.name}\``).join(', ')}, but the pods use \`hostNetwork\` and never get a branch ENI.`);
    else {
      if (sg.sure.length) out.push(`**Security groups for pods** — ${sg.groupIds.map((g) => `\`${g}\``).join(', ')} (combined from ${sg.sure.map((s) => `\`${s.name}\``).join(', ')}); they replace the node's groups for these pods.`);
      if (sg.maybe.length) out.push(`${sg.sure.length ? '' : '**Security groups for pods** — '}${sg.maybe.map((s) => `\`${s.name}\``).join(', ')} also ${sg.maybe.length === 1 ? 'applies' : 'apply'} if the pods' ServiceAccount carries the labels its \`serviceAccountSelector\` asks for (the ServiceAccount is not in the workspace).`);
    }
  }
  return out.length ? out.join('\n') : undefined;
}
