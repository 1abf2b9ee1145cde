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

/**
 * diagram-js draws its popup menus (更改元素类型, append) with htm bound to preact and renders them with
 * @bpmn-io/diagram-js-ui's own preact 10. npm hoists htm to the top, where `htm/preact` finds the preact 11 that
 * preact-markup (element templates) brought: its vnodes are foreign to preact 10, which renders nothing, so the
 * menus opened empty. htm's preact is sent to the copy diagram-js-ui renders with.
 */
const onePreactForDiagramJs = {
  name: 'one-preact-for-diagram-js',
  setup(build) {
    const diagramJsUi = path.join(here, 'node_modules/@bpmn-io/diagram-js-ui');

    build.onResolve({ filter: /^preact(\/.*)?$/ }, async (args) => {
      if (args.pluginData === 'diagram-js-ui' || !/[\\/]node_modules[\\/]htm[\\/]/.test(args.importer)) {
        return undefined;
      }

      return build.resolve(args.path, { kind: args.kind, resolveDir: diagramJsUi, pluginData: 'diagram-js-ui' });
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
  plugins: [ bpmnlintPlugin, onePreactForDiagramJs ]
};

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
} else {
  await esbuild.build(options);
}
