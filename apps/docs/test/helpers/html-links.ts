// Reads links and element ids out of built HTML with regular expressions
// (VitePress writes regular, quoted attributes) and resolves a link to the
// file a static host would serve for it.
import { existsSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

const ATTRIBUTE = /\s(?:href|src)\s*=\s*"([^"]*)"/g;
const ID = /\sid\s*=\s*"([^"]*)"/g;

/** Decodes the few entities VitePress writes inside attribute values. */
export function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Every `href` and `src` value in the document, decoded, in order. */
export function extractLinks(html: string): string[] {
  const withoutCode = html.replace(/<code[\s\S]*?<\/code>/g, '');
  return [...withoutCode.matchAll(ATTRIBUTE)].map((m) =>
    decodeEntities(m[1] ?? ''),
  );
}

/** Every element id in the document, decoded. */
export function extractIds(html: string): Set<string> {
  return new Set([...html.matchAll(ID)].map((m) => decodeEntities(m[1] ?? '')));
}

/**
 * The file a link on the page `fromPage` (a URL path like
 * `/concepts/em-solver.html`) points to: `'external'` for another origin
 * or scheme, `undefined` when nothing exists there.
 */
export function resolveSitePath(
  siteDir: string,
  fromPage: string,
  link: string,
): { file: string } | 'external' | undefined {
  if (
    link === '' ||
    /^[a-z][a-z0-9+.-]*:/i.test(link) ||
    link.startsWith('//')
  ) {
    return 'external';
  }
  const [beforeHash = ''] = link.split('#');
  const [path = ''] = beforeHash.split('?');
  const urlPath =
    path === ''
      ? undefined
      : path.startsWith('/')
        ? path
        : posix.join(posix.dirname(fromPage), path);
  // A bare "#anchor" (or "?query#anchor") points into the page itself.
  if (urlPath === undefined) return { file: join(siteDir, fromPage) };
  const decoded = decodeURIComponent(urlPath);
  const candidates = decoded.endsWith('/')
    ? [join(siteDir, decoded, 'index.html')]
    : [join(siteDir, decoded), join(siteDir, `${decoded}.html`)];
  const file = candidates.find((f) => existsSync(f) && statSync(f).isFile());
  return file ? { file } : undefined;
}
