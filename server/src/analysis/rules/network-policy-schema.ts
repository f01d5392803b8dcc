import { schemaRule } from '../schema/objectSchemaRule';

export const rule = schemaRule({
  id: 'network-policy-schema',
  title: 'NetworkPolicy structure',
  description: 'Checks a `networking.k8s.io/v1` NetworkPolicy against its schema: unknown or misspelled fields, required `podSelector`, `policyTypes` values, peers (an `ipBlock` cannot be combined with selectors, a peer cannot be empty), CIDR syntax, protocols (`TCP`, `UDP`, `SCTP`, exact case), ports (1-65535 or a port name) and `endPort`.',
  remediation: 'Fix the field named in the message; a quick fix corrects a misspelled field or a value written in the wrong case.',
  kinds: ['NetworkPolicy'],
  docs: {
    why: 'The API server rejects a NetworkPolicy with an invalid protocol, port or peer, and with strict field validation (kubectl\'s default) it also rejects unknown fields. Where a typo gets through, for example `podselector` with validation turned off, the field is dropped and the policy quietly selects every pod of the namespace.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: api-allow\nspec:\n  podSelector:\n    matchLabels:\n      app: api\n  ingress:\n    - ports:\n        - protocol: tcp\n          port: 8080\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: api-allow\nspec:\n  podSelector:\n    matchLabels:\n      app: api\n  ingress:\n    - ports:\n        - protocol: TCP\n          port: 8080\n',
  },
});
