import { withBase } from '../lib/views/paths.ts';

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/**
 * Prefixes the base path to site-absolute links in a HAST tree: lets Markdown
 * authors write [数据说明](/data-notes/) and still get working links when the
 * site is served under a sub-path. Protocol-relative links are left alone.
 */
export function prefixBaseInTree(tree: HastNode, base: string): void {
  const visit = (node: HastNode) => {
    const href = node.properties?.href;
    if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('/') && !href.startsWith('//')) {
      node.properties!.href = withBase(href, base);
    }
    node.children?.forEach(visit);
  };
  visit(tree);
}

/** Rehype plugin form of {@link prefixBaseInTree}. */
export function rehypeBaseLinks(options: { base: string }) {
  return (tree: HastNode) => prefixBaseInTree(tree, options.base);
}
