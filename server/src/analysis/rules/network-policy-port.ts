import { peerScopes } from '../policy/peers';
import { policyEntry, selectedIn } from '../policy/selection';
import type { Workload } from '../xref/workloads';
import { describeWorkload } from '../xref/workloads';
import { shortList } from '../xref/names';
import type { ObjectRule } from './types';
import { READS_WORKLOADS } from './support/workloadScope';

export const rule: ObjectRule = {
  id: 'network-policy-port',
  title: 'NetworkPolicy port range or port name',
  description: 'Checks the ports of NetworkPolicy rules: `endPort` must not be smaller than `port`, and a named port must be declared (`containerPort` with that `name`) by the pods it refers to: the selected pods for ingress, the peer pods for egress.',
  remediation: 'Write the range from low to high, and use a port name the containers declare (or the port number).',
  severity: 'error',
  kinds: ['NetworkPolicy'],
  ...READS_WORKLOADS,
  docs: {
    why: 'The API server rejects a port range whose `endPort` is below `port`. A named port is resolved on each destination pod from its containers\' `ports[].name`; when no container declares that name, the rule matches no port at all and the traffic is dropped without any error.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: range\nspec:\n  podSelector: {}\n  ingress:\n    - ports:\n        - protocol: TCP\n          port: 32000\n          endPort: 30000\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: range\nspec:\n  podSelector: {}\n  ingress:\n    - ports:\n        - protocol: TCP\n          port: 30000\n          endPort: 32000\n',
  },
  check({ obj, index, report }) {
    const entry = policyEntry(index, obj);
    if (!entry) return;
    const own = entry.selector ? selectedIn(index, entry.namespace, entry.selector) : [];
    const peers = peerScopes(index, obj)?.peers ?? [];
    for (const r of [...entry.model.ingress, ...entry.model.egress]) {
      // Pods whose container ports a named port refers to; undefined when they cannot be known.
      let targets: readonly Workload[] | undefined;
      if (r.direction === 'Ingress') targets = own;
      else {
        const all = r.peers ?? [];
        const resolved = peers.filter((p) => p.rule === r);
        targets = all.length && resolved.length === all.length ? resolved.flatMap((p) => p.selected) : undefined;
      }
      for (const port of r.ports ?? []) {
        if (typeof port.port === 'number' && port.endPort !== undefined && port.endPortSpan && port.endPort < port.port) {
          report({ span: port.endPortSpan, message: `\`endPort\` ${port.endPort} is below \`port\` ${port.port}: the API server rejects the policy. Write the range from ${port.endPort} to ${port.port} the other way round.` });
        }
        if (typeof port.port !== 'string' || !port.portSpan || !targets?.length || port.port.includes('$')) continue;
        const name = port.port;
        if (targets.some((w) => w.tpl.ports.some((p) => p.name === name))) continue;
        const declared = [...new Set(targets.flatMap((w) => w.tpl.ports.map((p) => p.name).filter((n): n is string => !!n)))];
        const whose = r.direction === 'Ingress' ? 'the pods this policy selects' : 'the peer pods of this rule';
        report({
          span: port.portSpan,
          severity: 'warning',
          message: `No container of ${whose} (${shortList(targets.map(describeWorkload))}) declares a port named "${name}", so this entry matches no port and the traffic is dropped. ${declared.length ? `Declared names: ${declared.map((d) => `"${d}"`).join(', ')}.` : 'Use the port number, or name the container port.'}`,
        });
      }
    }
  },
};
