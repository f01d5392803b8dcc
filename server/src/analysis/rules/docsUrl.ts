/** Where each rule's documentation lives (docs/rules/<id>.md of the project repository). */
export const DOCS_BASE_URL = 'https://github.com/eksnet/eksnet/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
