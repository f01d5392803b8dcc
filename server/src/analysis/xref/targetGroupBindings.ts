/** TargetGroupBinding references: `spec.serviceRef` (name and port) and `spec.targetType`. */
import type { Span } from '../model/types';
import type { KObject } from '../workspace/fileModel';
import { asMap, getPair, scalarString, spanOf } from '../yaml/nodes';

export interface TgbFacts {
  readonly serviceName: string | undefined;
  readonly nameSpan: Span | undefined;
  readonly port: number | string | undefined;
  readonly portSpan: Span | undefined;
  readonly targetType: string | undefined;
  readonly targetTypeSpan: Span | undefined;
}

export function tgbFacts(obj: KObject): TgbFacts {
  const { root, anchors } = obj.model;
  const spec = asMap(getPair(root, 'spec')?.value, anchors);
  const ref = asMap(getPair(spec, 'serviceRef')?.value, anchors);
  const name = getPair(ref, 'name')?.value;
  const port = getPair(ref, 'port')?.value;
  const raw = scalarString(port, anchors);
  const tt = getPair(spec, 'targetType')?.value;
  return {
    serviceName: scalarString(name, anchors),
    nameSpan: spanOf(name),
    port: raw === undefined ? undefined : /^\d+$/.test(raw) ? Number(raw) : raw,
    portSpan: spanOf(port),
    targetType: scalarString(tt, anchors),
    targetTypeSpan: spanOf(tt),
  };
}
