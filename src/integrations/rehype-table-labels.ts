interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

const textOf = (node: HastNode): string => (node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textOf).join(''));
const elements = (node: HastNode, tag: string): HastNode[] =>
  (node.children ?? []).flatMap((c) => (c.tagName === tag ? [c] : c.type === 'element' && c.tagName !== 'table' ? elements(c, tag) : []));

/**
 * Marks every Markdown table for the narrow-screen stacked layout (class
 * `stack`) and labels each body cell with its column header (data-label),
 * as the site's own table components do.
 */
export function labelTables(tree: HastNode): void {
  const visit = (node: HastNode) => {
    if (node.tagName === 'table') {
      const headers = elements(node, 'thead')
        .flatMap((h) => elements(h, 'tr'))
        .flatMap((tr) => elements(tr, 'th'))
        .map(textOf);
      node.properties = { ...node.properties, className: ['stack'] };
      for (const tr of elements(node, 'tbody').flatMap((b) => elements(b, 'tr'))) {
        elements(tr, 'td').forEach((td, i) => {
          if (i > 0 && headers[i]) td.properties = { ...td.properties, dataLabel: headers[i] };
        });
      }
    }
    node.children?.forEach(visit);
  };
  visit(tree);
}

/** Rehype plugin form of {@link labelTables}. */
export function rehypeTableLabels() {
  return (tree: HastNode) => labelTables(tree);
}
