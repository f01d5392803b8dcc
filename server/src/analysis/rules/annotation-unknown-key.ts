import { KNOWN_PREFIXES, knownPrefixOf, specsForKind, suggestKey } from '../catalog/lookup';
import type { AnnotatedKind } from '../catalog/types';
import type { Span } from '../model/types';
import { checkedEntries } from './support/annotations';
import type { ObjectRule } from './types';

interface Payload {
  readonly span: Span;
  readonly key: string;
}

export const rule: ObjectRule = {
  id: 'annotation-unknown-key',
  title: 'Unknown annotation key under an AWS load balancer prefix',
  description: `A key under ${KNOWN_PREFIXES.map((p) => `\`${p}\``).join(' or ')} that no controller reads, usually a typo or a camelCase spelling; the closest real key is suggested.`,
  remediation: 'Rename the key to the suggested one (keys are kebab-case, e.g. `listen-ports`, `group.name`).',
  severity: 'warning',
  kinds: 'any',
  scope: 'object',
  docs: {
    why: 'The controllers look annotations up by their exact key. A misspelled key such as `alb.ingress.kubernetes.io/listenPorts` or `alb.ingress.kubernetes.io/group-name` is silently ignored: no error, no event, and the load balancer is built with the default instead (for example no HTTPS listener, or a separate ALB instead of the shared group).',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/listenPorts: \'[{"HTTPS": 443}]\'\nspec:\n  ingressClassName: alb\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    alb.ingress.kubernetes.io/listen-ports: \'[{"HTTPS": 443}]\'\nspec:\n  ingressClassName: alb\n',
  },
  check({ obj, report }) {
    for (const e of checkedEntries(obj)) {
      if (e.spec || e.templated) continue;
      const prefix = knownPrefixOf(e.key);
      // A bare prefix is a key still being typed: with no `:` yet it is a YAML syntax error, reported once, there.
      if (!prefix || e.key === prefix) continue;
      const near = suggestKey(e.key, specsForKind(e.kind as AnnotatedKind)) ?? suggestKey(e.key);
      const fits = near && near.kinds.includes(e.kind as AnnotatedKind);
      const hint = near ? ` Did you mean "${near.key}"${fits ? '' : ` (which is read on ${near.kinds.join(', ')} objects)`}?` : '';
      report({
        span: e.keySpan,
        message: `Unknown annotation "${e.key}": no controller reads this key, so it is silently ignored.${hint}`,
        ...(near ? { data: { span: e.keySpan, key: near.key } satisfies Payload } : {}),
      });
    }
  },
  fix(data, ctx) {
    const p = data as Payload | null;
    if (!p?.span || !p.key) return [];
    return [ctx.fix(`Rename to ${p.key}`, [ctx.edit(p.span, p.key)], true)];
  },
};
