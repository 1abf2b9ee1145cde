// Bundles the designer (modeler) and the instance viewer into host/wwwroot/designer/.
// Usage: node build.mjs [--watch] [--dev]
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as esbuild from 'esbuild';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.resolve(here, '../wwwroot/designer');
const watch = process.argv.includes('--watch');
const dev = watch || process.argv.includes('--dev');

/**
 * Compiles `.bpmnlintrc` (recommended rules plus our plugin in lint/) into a module
 * exporting { config, resolver }, with every enabled rule bundled, as bpmnlint-loader does for webpack.
 */
const bpmnlintPlugin = {
  name: 'bpmnlint',
  setup(build) {
    const compileConfig = require('bpmnlint/lib/support/compile-config');

    build.onLoad({ filter: /\.bpmnlintrc$/ }, async (args) => {
      const config = JSON.parse(await readFile(args.path, 'utf8'));

      return {
        contents: await compileConfig(config),
        loader: 'js',
        resolveDir: path.dirname(args.path)
      };
    });
  }
};

const options = {
  entryPoints: {
    'designer.bundle': path.join(here, 'src/designer.js'),
    'viewer.bundle': path.join(here, 'src/viewer.js')
  },
  outdir,
  bundle: true,
  format: 'iife',
  target: [ 'es2020' ],
  minify: !dev,
  sourcemap: dev ? 'linked' : false,
  legalComments: 'eof',
  logLevel: 'info',
  loader: {
    '.bpmnlintrc': 'js',
    '.woff': 'dataurl',
    '.woff2': 'dataurl',
    '.ttf': 'dataurl',
    '.eot': 'dataurl',
    '.svg': 'dataurl'
  },
  define: {
    'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production')
  },
  plugins: [ bpmnlintPlugin ]
};

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
} else {
  await esbuild.build(options);
}
