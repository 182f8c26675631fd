// VitePress configuration of the cce documentation site: navigation, math,
// the generated API sidebar, and the bundler settings the in-browser demo
// needs (one copy of tfjs-core, no native tfjs-node in the page).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type DefaultTheme, defineConfig } from 'vitepress';

const here = (path: string): string =>
  fileURLToPath(new URL(path, import.meta.url));

// Written by src/generate/generate-api.ts (typedoc-vitepress-theme).
function apiSidebar(): DefaultTheme.SidebarItem[] {
  const file = here('../pages/api/typedoc-sidebar.json');
  if (!existsSync(file)) return [];
  const items = JSON.parse(
    readFileSync(file, 'utf8'),
  ) as DefaultTheme.SidebarItem[];
  return items.map((item) => ({
    ...item,
    link: item.link?.replace(/\.md$/, ''),
  }));
}

const guide: DefaultTheme.SidebarItem[] = [
  {
    text: 'Start',
    items: [
      { text: 'Getting started', link: '/getting-started' },
      { text: 'Demo', link: '/demo' },
    ],
  },
  {
    text: 'Concepts',
    items: [
      { text: 'Soft labels', link: '/concepts/soft-labels' },
      {
        text: 'Collision vs Shannon',
        link: '/concepts/collision-cross-entropy',
      },
      { text: 'Self-labeling', link: '/concepts/self-labeling' },
      { text: 'The EM solver', link: '/concepts/em-solver' },
    ],
  },
  {
    text: 'Guides',
    items: [
      {
        text: 'Cluster your embeddings',
        link: '/guides/cluster-embeddings',
      },
      { text: 'Train from soft labels', link: '/guides/soft-label-training' },
      { text: 'Choose λ', link: '/guides/choose-lambda' },
      { text: 'Native TensorFlow', link: '/guides/tfjs-node' },
    ],
  },
  {
    text: 'Reference',
    items: [
      { text: 'Results', link: '/results/' },
      { text: 'CLI', link: '/cli/' },
      { text: 'API', link: '/api/' },
    ],
  },
];

export default defineConfig({
  title: 'cce',
  description:
    'Collision cross-entropy, soft labels and self-labeling clustering for TensorFlow.js',
  srcDir: 'pages',
  outDir: 'dist',
  cacheDir: '.vitepress/cache',
  lang: 'en-US',
  head: [
    ['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }],
  ],
  cleanUrls: false,
  lastUpdated: false,
  markdown: { math: true },
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/getting-started' },
      { text: 'Demo', link: '/demo' },
      { text: 'Results', link: '/results/' },
      { text: 'API', link: '/api/' },
      { text: 'CLI', link: '/cli/' },
    ],
    sidebar: {
      '/api/': [
        { text: 'API reference', link: '/api/', items: apiSidebar() },
        { text: 'Back to the guide', link: '/getting-started' },
      ],
      '/': guide,
    },
    search: { provider: 'local' },
    outline: { level: [2, 3] },
    footer: { message: 'MIT licensed' },
  },
  vite: {
    resolve: {
      // The page runs on WebGL or plain JS: never bundle native TensorFlow.
      alias: {
        '@tensorflow/tfjs-node': here('../src/demo/tfjs-node-stub.ts'),
      },
      // Backends register into the one tfjs-core engine: keep a single copy.
      dedupe: ['@tensorflow/tfjs-core'],
    },
    build: { chunkSizeWarningLimit: 4096 },
  },
});
