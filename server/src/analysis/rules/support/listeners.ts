/** The listen-ports of an Ingress as the controller computes them, when they can be known from the object alone. */
import { parseJson } from '../../catalog/jsonValue';
import type { AnnotationEntry } from './annotations';

export const LISTEN_PORTS = 'alb.ingress.kubernetes.io/listen-ports';

export interface Listener {
  readonly protocol: string;
  readonly port: number;
}

/** Listeners of an explicit, valid `listen-ports` value (undefined when absent, templated or invalid). */
export function explicitListeners(own: ReadonlyMap<string, AnnotationEntry>): Listener[] | undefined {
  const e = own.get(LISTEN_PORTS);
  if (!e || e.templated || e.value === undefined) return undefined;
  const parsed = parseJson(e.value);
  if (!parsed.ok || !Array.isArray(parsed.value)) return undefined;
  const out: Listener[] = [];
  for (const item of parsed.value) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return undefined;
    for (const [protocol, port] of Object.entries(item as Record<string, unknown>)) {
      if (typeof port !== 'number' || !Number.isInteger(port)) return undefined;
      out.push({ protocol, port });
    }
  }
  return out;
}
