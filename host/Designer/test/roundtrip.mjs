// Every workflows/*.bpmn of the repository (and test/fixtures/*.bpmn) survives the designer's
// model layer unchanged: import with bpmn-moddle + camunda-bpmn-moddle, export, import again,
// and compare the two moddle trees (semantics and diagram layout), plus the version diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { BpmnModdle } from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };

import { canonical, diffDefinitions, isEmptyDiff } from '../src/versions/diff.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repository = path.resolve(here, '../../..');

async function bpmnFiles(folder) {
  try {
    return (await readdir(folder)).filter(name => name.endsWith('.bpmn')).sort().map(name => path.join(folder, name));
  } catch (err) {
    if (err.code === 'ENOENT') {
      return [];
    }

    throw err;
  }
}

/** A moddle tree as plain data: every set property, references as ids, $attrs kept. */
function tree(element, seen = new Set()) {
  if (Array.isArray(element)) {
    return element.map(child => tree(child, seen));
  }

  if (!element || typeof element !== 'object') {
    return element;
  }

  if (seen.has(element)) {
    throw new Error(`cycle at ${ element.id }`);
  }

  seen.add(element);

  const result = { $type: element.$type };

  (element.$descriptor ? element.$descriptor.properties : []).forEach(property => {
    const name = property.ns.name;
    const value = element.get(name);

    if (value === undefined || (Array.isArray(value) && !value.length)) {
      return;
    }

    if (property.isReference) {
      result[name] = Array.isArray(value) ? value.map(v => v && v.id) : value && value.id;
    } else {
      result[name] = tree(value, seen);
    }
  });

  Object.entries(element.$attrs || {}).forEach(([ name, value ]) => {
    result['@' + name] = value;
  });

  seen.delete(element);

  return result;
}

const moddle = new BpmnModdle({ camunda });

async function load(xml) {
  const { rootElement, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');

  return { definitions: rootElement, warnings: warnings.map(w => w.message) };
}

const files = [
  ...await bpmnFiles(path.join(repository, 'workflows')),
  ...await bpmnFiles(path.join(here, 'fixtures'))
];

test('the round-trip check finds its files (zero workflows is fine)', () => {
  assert.ok(Array.isArray(files));
});

for (const file of files) {
  const name = path.relative(repository, file);

  test(`${ name } round-trips through bpmn-moddle + camunda-bpmn-moddle without loss`, async (t) => {
    const original = await readFile(file, 'utf8');

    const { definitions: first, warnings } = await load(original);
    const { xml: exported } = await moddle.toXML(first, { format: true });
    const { definitions: second, warnings: warningsAgain } = await load(exported);

    // attributes the Camunda 7 vocabulary does not define are kept as they are ($attrs),
    // so they survive; say which, since the properties panel will not show them
    warnings.forEach(warning => t.diagnostic(`${ name }: ${ warning }`));
    assert.deepEqual(warningsAgain, warnings, 'the same unknown attributes before and after');

    assert.equal(canonical(tree(second)), canonical(tree(first)), 'the moddle trees are equal after export and import');

    const diff = diffDefinitions(first, second);

    assert.ok(isEmptyDiff(diff), `the version diff is empty: ${ JSON.stringify(diff) }`);

    // exporting again is stable
    const { xml: again } = await moddle.toXML(second, { format: true });

    assert.equal(again, exported, 'a second export is byte-identical');
  });
}
