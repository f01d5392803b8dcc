/** Document symbols: one per Kubernetes object, named `Kind name`. */
import type { FileModel } from '../workspace/fileModel';
import type { SymbolResult } from './types';

export function documentSymbols(file: FileModel): SymbolResult[] {
  return file.objects.map((o) => {
    const m = o.model;
    const sel = m.nameSpan ?? m.kindSpan;
    return {
      name: `${m.kind} ${m.name ?? '(unnamed)'}`,
      detail: [m.apiVersion, m.namespace].filter(Boolean).join(' · '),
      kind: m.kind,
      span: { start: o.base + m.span.start, end: o.base + m.span.end },
      selection: { start: o.base + sel.start, end: o.base + sel.end },
    };
  });
}
