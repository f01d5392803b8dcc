import type { Span } from '../model/types';
import { type Direction, networkPolicyOf } from '../policy/networkPolicy';
import { appendSeqItem } from '../policy/yamlEdit';
import { asSeq, spanOf } from '../yaml/nodes';
import type { ObjectRule } from './types';

interface Payload {
  readonly add: Direction;
}

export const rule: ObjectRule = {
  id: 'network-policy-types-mismatch',
  title: 'NetworkPolicy rules ignored by policyTypes',
  description: 'Reports `ingress` or `egress` rules in a NetworkPolicy whose explicit `policyTypes` does not list that direction: the API server keeps the rules, but they are never enforced.',
  remediation: 'Add the direction to `policyTypes` (quick fix), or delete the rules if the direction was left out on purpose.',
  severity: 'warning',
  kinds: ['NetworkPolicy'],
  scope: 'object',
  docs: {
    why: 'A NetworkPolicy only affects the directions named in `policyTypes`. With `policyTypes: [Ingress]`, an `egress` section is stored but ignored: the pods are not isolated for egress and the allow-list you wrote does nothing. The reverse (ingress rules with only `Egress` listed) leaves ingress open. When `policyTypes` is omitted, Kubernetes derives it from the sections present, so this only happens when the list is written by hand.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: api\nspec:\n  podSelector:\n    matchLabels:\n      app: api\n  policyTypes:\n    - Ingress\n  egress:\n    - to:\n        - podSelector:\n            matchLabels:\n              app: db\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: api\nspec:\n  podSelector:\n    matchLabels:\n      app: api\n  policyTypes:\n    - Ingress\n    - Egress\n  egress:\n    - to:\n        - podSelector:\n            matchLabels:\n              app: db\n',
  },
  check({ obj, report }) {
    const np = networkPolicyOf(obj);
    if (!np || !np.typesExplicit || !np.policyTypesPair) return;
    const listed = asSeq(np.policyTypesPair.value, obj.model.anchors);
    if (!listed || np.types.length !== listed.items.length) return; // an invalid entry: the schema rule reports it
    const check = (direction: Direction, count: number, pairKey: unknown) => {
      const span = spanOf(pairKey) as Span | undefined;
      if (!count || np.types.includes(direction) || !span) return;
      const section = direction === 'Ingress' ? 'ingress' : 'egress';
      const listedText = np.types.length ? np.types.join(', ') : 'nothing';
      report({
        span,
        message: `${count === 1 ? 'This rule is' : `These ${count} rules are`} ignored: \`policyTypes\` lists ${listedText} but not ${direction}, so the ${section} section is never enforced${direction === 'Egress' ? ' and egress stays open' : ' and ingress stays open'}. Add ${direction} to \`policyTypes\`, or remove the ${section} rules.`,
        data: { add: direction } satisfies Payload,
      });
    };
    check('Ingress', np.ingress.length, np.ingressPair?.key);
    check('Egress', np.egress.length, np.egressPair?.key);
  },
  fix(data, ctx) {
    const p = data as Payload | null;
    if (p?.add !== 'Ingress' && p?.add !== 'Egress') return [];
    const obj = ctx.file.objects.find((o) => o.base === ctx.base && networkPolicyOf(o)?.policyTypesPair);
    const np = obj ? networkPolicyOf(obj) : undefined;
    const seq = obj && np?.policyTypesPair ? asSeq(np.policyTypesPair.value, obj.model.anchors) : undefined;
    if (!obj || !seq) return [];
    const edit = appendSeqItem(obj.chunk.text, seq, p.add);
    return edit ? [ctx.fix(`Add ${p.add} to policyTypes`, [ctx.edit(edit.span, edit.newText)], true)] : [];
  },
};
