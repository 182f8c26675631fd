// Generates the API reference (pages/api/) from the TSDoc of every workspace
// package with typedoc, typedoc-plugin-markdown and typedoc-vitepress-theme:
// one entry point (src/index.ts) per package, one page per package.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Application, LogLevel } from 'typedoc';
import { isExternal, rewriteLinks } from './markdown-tools.js';

/** Where the API generator reads and writes. */
export interface ApiOptions {
  /** The monorepo root (holds packages/ and apps/). */
  repoRoot: string;
  /** The VitePress source folder (pages/); output goes to `<pagesDir>/api`. */
  pagesDir: string;
  log: (line: string) => void;
}

/** Package folders documented: every package, plus apps other than docs. */
export function listApiPackages(repoRoot: string): string[] {
  const found: string[] = [];
  for (const group of ['packages', 'apps']) {
    const base = join(repoRoot, group);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base).sort()) {
      const dir = join(base, name);
      if (group === 'apps' && name === 'docs') continue;
      if (!existsSync(join(dir, 'src', 'index.ts'))) continue;
      if (!existsSync(join(dir, 'package.json'))) continue;
      found.push(dir);
    }
  }
  return found;
}

/** Runs typedoc and tidies its output; resolves to the pages written. */
export async function generateApi(options: ApiOptions): Promise<string[]> {
  const out = join(options.pagesDir, 'api');
  const packages = listApiPackages(options.repoRoot);
  const app = await Application.bootstrapWithPlugins({
    name: 'API reference',
    entryPoints: packages,
    entryPointStrategy: 'packages',
    packageOptions: {
      entryPoints: ['src/index.ts'],
      excludePrivate: true,
      excludeInternal: true,
      disableSources: true,
      // Packages are type-checked by their own build; a type error there
      // must not stop the reference from being written.
      skipErrorChecking: true,
    },
    plugin: ['typedoc-plugin-markdown', 'typedoc-vitepress-theme'],
    out,
    docsRoot: options.pagesDir,
    readme: 'none',
    outputFileStrategy: 'modules',
    hideBreadcrumbs: true,
    sanitizeComments: true,
    cleanOutputDir: true,
    logLevel: LogLevel.Warn,
  } as Record<string, unknown>);
  const project = await app.convert();
  if (!project) throw new Error('typedoc could not convert the packages');
  await app.generateOutputs(project);

  const pages = listMarkdown(out);
  for (const page of pages) tidyPage(page, options.pagesDir);
  options.log(
    `[docs] api: ${packages.length} packages, ${pages.length} pages in ${relative(options.repoRoot, out)}`,
  );
  return pages;
}

function listMarkdown(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => join(dir, file))
    .sort();
}

// Package READMEs link to files that are not part of the site (LICENSE,
// LIMITATIONS.md, source folders): keep their text, drop the dead link.
// typedoc-plugin-markdown sometimes numbers an anchor as a duplicate
// (`#name-1`) where the page has one heading of that name: point it at it.
function tidyPage(page: string, pagesDir: string): void {
  const text = readFileSync(page, 'utf8');
  const slugs = headingSlugs(text);
  const tidy = rewriteLinks(text, (target) => {
    if (target.startsWith('#')) {
      const base = target.slice(1).replace(/-\d+$/, '');
      return slugs.has(target.slice(1)) || !slugs.has(base)
        ? target
        : `#${base}`;
    }
    if (isExternal(target)) return target;
    const [path = ''] = target.split('#');
    const file = path.startsWith('/')
      ? join(pagesDir, path)
      : resolve(dirname(page), path);
    return existsSync(file) && file.endsWith('.md') ? target : null;
  });
  if (tidy !== text) writeFileSync(page, tidy);
}

/** The anchors VitePress gives the page's headings (duplicates get -1, -2). */
export function headingSlugs(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const line of markdown.split('\n')) {
    const match = /^#{1,6}\s+(.*)$/.exec(line);
    if (!match) continue;
    const text = (match[1] ?? '').replace(/[`*\\]/g, '');
    const slug = slugify(text);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    out.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return out;
}

// VitePress's heading slug (the rules of @mdit-vue/shared's slugify).
function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: VitePress drops them too
      .replace(/[\u0000-\u001f]/g, '')
      .replace(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^-+|-+$/g, '')
      .replace(/^(\d)/, '_$1')
      .toLowerCase()
  );
}
