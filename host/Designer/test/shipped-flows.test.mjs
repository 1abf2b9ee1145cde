// The shipped flows (workflows/*.bpmn) against the designer's lint configuration (.bpmnlintrc): bpmnlint's
// recommended rules with inclusive gateways allowed, plus our plugin. Each flow is one test. A flow listed in
// KNOWN_FINDINGS is known to break a rule until the procedure's owner redraws it: its test runs and prints what it
// finds, and is marked todo (reported, not failing) only while its findings are exactly the known ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFile, readdir } from 'node:fs/promises';

import { BpmnModdle } from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

const config = JSON.parse(await readFile(new URL('../.bpmnlintrc', import.meta.url), 'utf8'));
const workflows = new URL('../../../workflows/', import.meta.url);
const moddle = new BpmnModdle({ camunda });

/** Findings per flow that the flow's owner has been told about (element ids and rules), see the report of issue 13. */
const KNOWN_FINDINGS = JSON.parse(await readFile(new URL('./fixtures/known-lint-findings.json', import.meta.url), 'utf8'));

async function lint(xml) {
  const { rootElement } = await moddle.fromXML(xml);
  const linter = new Linter({ config, resolver: new NodeResolver({ require: createRequire(new URL('../package.json', import.meta.url)) }) });
  const results = await linter.lint(rootElement);

  return Object.entries(results).flatMap(([ rule, reports ]) =>
    reports.filter(r => r.category === 'error' || r.category === 'warn').map(r => `${ r.category } ${ rule } ${ r.id }: ${ r.message }`)).sort();
}

test('The lint configuration is bpmnlint:recommended with inclusive gateways allowed, plus our plugin', () => {
  assert.deepEqual(config.extends, [ 'bpmnlint:recommended', 'plugin:decoupling/recommended' ]);
  assert.deepEqual(config.rules, { 'no-inclusive-gateway': 'off' });
});

for (const file of (await readdir(workflows)).filter(f => f.endsWith('.bpmn')).sort()) {
  const known = KNOWN_FINDINGS[file];

  test(`${ file } passes the recommended rules`, { todo: known ? `known findings: ${ known.join('; ') }` : false }, async () => {
    const findings = await lint(await readFile(new URL(file, workflows), 'utf8'));

    if (findings.length) {
      console.log(`${ file }:\n  ${ findings.join('\n  ') }`);
    }

    assert.deepEqual(findings, []);
  });
}
