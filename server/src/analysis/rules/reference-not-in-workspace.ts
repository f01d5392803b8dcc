import { describeSelector } from '../kube/selectors';
import { CHART_CLASSES, ingressClasses, ingressClassParams, paramsRefOf } from '../xref/classes';
import { ingressFacts } from '../xref/ingress';
import { isPartial } from '../xref/kustomize';
import { knownNamespace } from '../xref/namespaces';
import { resolveByName, resolveService } from '../xref/resolve';
import { selectorSiteOf } from '../xref/selectorSites';
import { tgbFacts } from '../xref/targetGroupBindings';
import { serviceIndex } from '../xref/services';
import { selectorVerdict } from '../xref/selectorVerdict';
import { workloadIndex, WORKLOAD_KINDS } from '../xref/workloads';
import type { ObjectRule } from './types';

export const rule: ObjectRule = {
  id: 'reference-not-in-workspace',
  title: 'Reference to an object the workspace does not hold',
  description: 'A reference (Service selector → pods, Ingress or TargetGroupBinding → Service, Ingress → IngressClass, IngressClass → IngressClassParams) that cannot be checked because the workspace holds objects of that kind, but none in that namespace.',
  remediation: 'Nothing to fix if the target is deployed from elsewhere (a Helm chart, another repository). Otherwise add it, or check the namespace. Raise this rule to `warning` in settings to treat such references as mistakes.',
  severity: 'info',
  kinds: ['Service', 'Ingress', 'TargetGroupBinding', 'IngressClass'],
  scope: 'workspace',
  locality: 'namespace',
  // Workloads of other namespaces (selector verdicts), and whether any Service exists at all.
  reads: [...WORKLOAD_KINDS, 'Service'],
  docs: {
    why: 'Cross-reference rules only call a reference broken when the workspace holds objects of the target\'s kind in the target\'s namespace and none of them fits. When it holds none at all, the target may simply live elsewhere (installed by a chart, kept in another repository, created by an operator), so this is reported for information only: you can still see which references the editor could not follow. A workspace that holds no object of the kind anywhere (say, Ingresses without any Service manifest) keeps them elsewhere by design, and gets no finding at all; neither do IngressClass `alb`, which the controller\'s Helm chart installs. Set `"reference-not-in-workspace": "warning"` under `rules` in `.eksnet.json` (or `eksnet.rules`) for workspaces that are meant to be complete.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  number: 80\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  number: 80\n',
  },
  check({ obj, index, report }) {
    if (isPartial(index, obj)) return;
    switch (obj.model.kind) {
      case 'Service': {
        const site = selectorSiteOf(index, obj);
        if (!site || !workloadIndex(index).byNamespace.size) return;
        const verdict = selectorVerdict(index, site).kind;
        if (verdict === 'no-workloads') {
          report({
            span: site.keySpan,
            message: `The workspace holds no pod template in namespace "${site.namespace}", so what Service "${site.name}" selects (${describeSelector(site.selector)}) cannot be checked; its pods may be deployed from elsewhere.`,
          });
        } else if (verdict === 'unrelated') {
          report({
            span: site.keySpan,
            message: `No pod template of namespace "${site.namespace}" in the workspace matches or resembles what Service "${site.name}" selects (${describeSelector(site.selector)}); its pods are probably deployed from elsewhere (a Helm chart, an operator).`,
          });
        }
        return;
      }
      case 'Ingress': {
        const ns = knownNamespace(index, obj);
        const facts = ingressFacts(obj);
        if (ns && serviceIndex(index).size) {
          for (const b of facts.backends) {
            if (b.useAnnotation || resolveService(index, ns, b.serviceName, obj.file.uri).status !== 'elsewhere') continue;
            report({ span: b.nameSpan, message: `Service "${b.serviceName}" is not defined in the workspace (namespace "${ns}"), nor anything like it next to this Ingress, so this backend cannot be checked; the Service may be deployed from elsewhere.` });
          }
        }
        const cn = facts.className;
        if (cn && !CHART_CLASSES.has(cn.value) && ingressClasses(index).size && resolveByName(ingressClasses(index), cn.value).status === 'elsewhere') {
          report({ span: cn.span, message: `IngressClass "${cn.value}" is not defined in the workspace (controllers usually install their class with their Helm chart); it cannot be checked here.` });
        }
        return;
      }
      case 'TargetGroupBinding': {
        const ns = knownNamespace(index, obj);
        const f = tgbFacts(obj);
        if (!ns || !f.serviceName || !f.nameSpan || !serviceIndex(index).size || resolveService(index, ns, f.serviceName, obj.file.uri).status !== 'elsewhere') return;
        report({ span: f.nameSpan, message: `Service "${f.serviceName}" is not defined in the workspace (namespace "${ns}"), nor anything like it next to this TargetGroupBinding, so serviceRef cannot be checked; the Service may be deployed from elsewhere.` });
        return;
      }
      case 'IngressClass': {
        const ref = paramsRefOf(obj);
        if (ref?.kind !== 'IngressClassParams' || !ref.name || !ref.nameSpan) return;
        if (!ingressClassParams(index).size || resolveByName(ingressClassParams(index), ref.name).status !== 'elsewhere') return;
        report({ span: ref.nameSpan, message: `IngressClassParams "${ref.name}" are not defined in the workspace, so what this class imposes on its Ingresses cannot be checked; they may be applied from elsewhere.` });
        return;
      }
    }
  },
};
