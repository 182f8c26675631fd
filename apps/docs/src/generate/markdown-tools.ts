// Line-level tools for markdown that the site includes from elsewhere
// (package READMEs, results files): rewrite link targets and shift heading
// levels, leaving fenced code and inline code untouched.

/** What to do with one link target: a new target, or null to unlink. */
export type LinkRewriter = (target: string) => string | null;

const FENCE = /^\s*(```|~~~)/;
// [text](target "title") and ![alt](target), not inside inline code.
const LINK = /(!?)\[([^\]\n]*)\]\(([^)\s]+)(\s+"[^"]*")?\)/g;

/**
 * Applies `rewrite` to every markdown link and image target outside code.
 * A `null` answer replaces a link by its text (an image by its alt text),
 * so the built site never carries a dead link.
 */
export function rewriteLinks(markdown: string, rewrite: LinkRewriter): string {
  return mapProse(markdown, (line) => {
    const code = codeSpans(line);
    return line.replace(
      LINK,
      (whole, bang, text, target, title = '', offset: number) => {
        if (code.some(([from, to]) => offset >= from && offset < to)) {
          return whole as string;
        }
        const next = rewrite(target as string);
        if (next === null) return text as string;
        return `${bang}[${text}](${next}${title})`;
      },
    );
  });
}

/** Moves every ATX heading outside code down by `levels` (capped at 6). */
export function shiftHeadings(markdown: string, levels: number): string {
  return mapProse(markdown, (line) => {
    const match = /^(#{1,6})(\s.*)$/.exec(line);
    if (!match) return line;
    const depth = Math.min(6, (match[1] ?? '').length + levels);
    return `${'#'.repeat(depth)}${match[2] ?? ''}`;
  });
}

/** True for a target that leaves the site (scheme or protocol-relative). */
export function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');
}

function mapProse(markdown: string, map: (line: string) => string): string {
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const open = FENCE.exec(line);
      if (fence !== undefined) {
        if (open && open[1] === fence) fence = undefined;
        return line;
      }
      if (open) {
        fence = open[1];
        return line;
      }
      return map(line);
    })
    .join('\n');
}

// [start, end) offsets of the `code` spans of a line.
function codeSpans(line: string): [number, number][] {
  return [...line.matchAll(/`[^`]*`/g)].map((m) => [
    m.index,
    m.index + m[0].length,
  ]);
}
