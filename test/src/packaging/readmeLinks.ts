import MarkdownIt, { type Token } from 'markdown-it';

const markdown = new MarkdownIt({ html: true });

/** Where a published file of one of our packages is shown, e.g. on the registry's page. */
const UNPKG =
  /^https:\/\/unpkg\.com\/(@[^/]+\/[^/@]+)(?:@[^/]+)?\/([^#?]+)(?:#(.+))?$/;

export type ReadmeLink =
  | { kind: 'anchor'; href: string; anchor: string }
  | { kind: 'relative'; href: string; path: string }
  | {
      kind: 'published';
      href: string;
      packageName: string;
      path: string;
      anchor?: string;
    }
  | { kind: 'external'; href: string };

function hrefsOf(tokens: Token[]): string[] {
  return tokens.flatMap(token => {
    const own: string[] = [];
    if (token.type === 'link_open') own.push(token.attrGet('href') ?? '');
    if (token.type === 'image') own.push(token.attrGet('src') ?? '');
    if (token.type === 'html_inline' || token.type === 'html_block') {
      for (const [, href] of token.content.matchAll(
        /\b(?:href|src)="([^"]*)"/g,
      )) {
        own.push(href);
      }
    }
    return [...own, ...hrefsOf(token.children ?? [])];
  });
}

function classify(href: string): ReadmeLink {
  if (href.startsWith('#')) {
    return { kind: 'anchor', href, anchor: href.slice(1) };
  }
  const published = UNPKG.exec(href);
  if (published) {
    return {
      kind: 'published',
      href,
      packageName: published[1],
      path: published[2],
      anchor: published[3],
    };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return { kind: 'external', href };
  return { kind: 'relative', href, path: href.replace(/[#?].*$/, '') };
}

/** Every link and image of a README (Markdown and inline HTML), outside code. */
export function readmeLinks(text: string): ReadmeLink[] {
  return hrefsOf(markdown.parse(text, {})).map(classify);
}

/** The anchors GitHub and the npm registry give the README's headings. */
export function headingAnchors(text: string): Set<string> {
  const tokens = markdown.parse(text, {});
  const anchors = new Set<string>();
  tokens.forEach((token, index) => {
    if (token.type !== 'heading_open') return;
    const title = tokens[index + 1].children
      ?.filter(child => child.type === 'text' || child.type === 'code_inline')
      .map(child => child.content)
      .join('');
    anchors.add(
      (title ?? '')
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    );
  });
  return anchors;
}
