#!/usr/bin/env node
// Scaffolds a publishable package under packages/<name> (or apps/<name>
// with --app): package.json with a typed ESM exports map, tsconfigs that
// extend tooling/tsconfig, the shared vitest preset, README and LICENSE.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const isApp = args.includes('--app');
const [name, ...words] = args.filter((a) => a !== '--app');
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  console.error(
    'usage: node tooling/scripts/new-package.mjs <kebab-name> [--app] "<description>"',
  );
  process.exit(2);
}
const dir = join(root, isApp ? 'apps' : 'packages', name);
if (existsSync(dir)) {
  console.error(`new-package: '${dir}' exists already`);
  process.exit(2);
}
const description = words.join(' ') || `@cce/${name}`;
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dev = rootPkg.devDependencies;

const pkg = {
  name: `@cce/${name}`,
  version: '0.1.0',
  description,
  license: 'MIT',
  type: 'module',
  sideEffects: false,
  exports: {
    '.': { types: './dist/index.d.ts', default: './dist/index.js' },
    './package.json': './package.json',
  },
  main: './dist/index.js',
  types: './dist/index.d.ts',
  files: ['dist', '!dist/**/*.test.*', 'README.md', 'LICENSE'],
  engines: { node: '>=20' },
  scripts: {
    build: 'tsc -p tsconfig.build.json',
    typecheck: 'tsc -p tsconfig.json --noEmit',
    test: 'vitest run',
    lint: 'publint',
  },
  devDependencies: {
    '@cce/tsconfig': 'workspace:*',
    '@cce/vitest-config': 'workspace:*',
    '@types/node': dev['@types/node'],
    publint: dev.publint,
    typescript: dev.typescript,
    vitest: dev.vitest,
  },
};
const tsconfig = {
  extends: '@cce/tsconfig/base.json',
  compilerOptions: { rootDir: '.', noEmit: true },
  include: ['src', 'test', 'bench'],
};
const tsconfigBuild = {
  extends: './tsconfig.json',
  compilerOptions: { rootDir: 'src', outDir: 'dist', noEmit: false },
  include: ['src'],
  exclude: ['src/**/*.test.ts', 'src/**/test-utils/**'],
};
const vitestConfig = `import { preset } from '@cce/vitest-config';

export default preset;
`;

mkdirSync(join(dir, 'src'), { recursive: true });
const json = (v) => `${JSON.stringify(v, null, 2)}\n`;
writeFileSync(join(dir, 'package.json'), json(pkg));
writeFileSync(join(dir, 'tsconfig.json'), json(tsconfig));
writeFileSync(join(dir, 'tsconfig.build.json'), json(tsconfigBuild));
writeFileSync(join(dir, 'vitest.config.ts'), vitestConfig);
writeFileSync(
  join(dir, 'LICENSE'),
  readFileSync(join(root, 'LICENSE'), 'utf8'),
);
writeFileSync(
  join(dir, 'README.md'),
  `# @cce/${name}\n\n${description}\n\n\`\`\`sh\nnpm install @cce/${name}\n\`\`\`\n`,
);
writeFileSync(
  join(dir, 'src', 'index.ts'),
  `// Public API of @cce/${name}.\nexport {};\n`,
);
console.log(`created ${dir}; now run pnpm install`);
