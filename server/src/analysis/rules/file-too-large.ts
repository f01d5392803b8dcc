import type { FileRule } from './types';

export const rule: FileRule = {
  id: 'file-too-large',
  title: 'File too large to analyse',
  description: 'Says that a YAML file above the size limit was skipped, so its silence is not mistaken for a clean bill of health.',
  remediation: 'Split the file, or raise the limit with the `eksnet.maxFileSize` setting (`maxFileSize` in .eksnet.json).',
  severity: 'info',
  kinds: 'any',
  scope: 'file',
  docs: {
    why: 'Very large generated files would slow the editor down; they are skipped instead of analysed. This finding makes the skip visible.',
    bad: '# a 20 MB file of generated manifests',
    good: '# the same manifests split into files below the limit',
  },
  checkFile({ file, index, report }) {
    if (file.skip !== 'too-large') return;
    const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;
    report({
      span: { start: 0, end: 0 },
      message: `This file (${mb(file.text.length)}) is larger than the ${mb(index.maxFileSize)} limit and was not analysed. Raise eksnet.maxFileSize (maxFileSize in .eksnet.json) to analyse it.`,
    });
  },
};
