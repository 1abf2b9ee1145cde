// Every text a newcomer reads on the palette, the context pad and the replace menu is Chinese: a string the
// dictionary misses stays English in the designer, so a bpmn-js upgrade that adds an entry fails here first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

import * as esbuild from 'esbuild';

const require = createRequire(import.meta.url);
const here = new URL('..', import.meta.url).pathname;

// the sources import without file extensions, as bundlers allow and node does not: esbuild resolves them
const entry = `
export * as ReplaceOptions from 'bpmn-js/lib/features/replace/ReplaceOptions';
export { PopupEntries } from 'bpmn-js/lib/features/popup-menu/PopupEntries';
export { default as translate } from './src/translate/translate';
`;
const bundle = await esbuild.build({
  stdin: { contents: entry, resolveDir: here },
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  logLevel: 'silent'
});
const { ReplaceOptions, PopupEntries, translate } = await import(
  'data:text/javascript;base64,' + Buffer.from(bundle.outputFiles[0].text).toString('base64'));

/** Chinese, with no Latin letters other than the name of the notation itself. */
function isChinese(text) {
  return /[\u4e00-\u9fff]/.test(text) && !/[A-Za-z]/.test(text.replace(/BPMN/g, ''));
}

/** The literal texts a source file hands to translate(...). */
async function translatedLiterals(file) {
  const source = await readFile(file, 'utf8');

  return [ ...source.matchAll(/translate\(\s*'([^']+)'/g) ].map(m => m[1]);
}

function untranslated(texts) {
  return [ ...new Set(texts) ].filter(text => !isChinese(translate(text)));
}

test('Palette and context pad entries of bpmn-js and of our own palettes have Chinese titles', async () => {
  const files = [
    require.resolve('bpmn-js/lib/features/palette/PaletteProvider.js'),
    require.resolve('bpmn-js/lib/features/context-pad/ContextPadProvider.js'),
    require.resolve('bpmn-js/lib/features/popup-menu/ReplaceMenuProvider.js'),
    require.resolve('diagram-js/lib/features/search-pad/SearchPad.js'),
    new URL('../src/palette/UserTaskPalette.js', import.meta.url).pathname
  ];
  const texts = (await Promise.all(files.map(translatedLiterals))).flat();

  // the event palette names its titles through a helper, entry(group, icon, 'Create …', …)
  const events = await readFile(new URL('../src/event-palette/EventPalette.js', import.meta.url), 'utf8');
  texts.push(...[ ...events.matchAll(/'(Create [^']+)'/g) ].map(m => m[1]));

  assert.ok(texts.includes('Create start event') && texts.includes('Append task') && texts.includes('Create signal end event'),
    'the sources were read');
  assert.deepEqual(untranslated(texts), []);
});

test('Every choice of the replace menu (更改元素类型) is Chinese', () => {
  const labels = [];
  const add = option => {
    if (typeof option.label === 'function') {
      // a pool's label depends on whether it has content
      labels.push(option.label({ businessObject: {} }), option.label({ businessObject: { processRef: {} }, children: [ {} ] }));
    } else if (option.label) {
      labels.push(option.label);
    }
  };

  Object.values(ReplaceOptions).forEach(value => (Array.isArray(value) ? value : Object.values(value).flat()).forEach(add));
  Object.values(PopupEntries).forEach(add);

  assert.ok(labels.length > 50, `only ${ labels.length } labels were found`);
  assert.deepEqual(untranslated(labels), []);
});
