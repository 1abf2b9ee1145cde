// Our bpmnlint rules (lint/) on top of bpmnlint:recommended, as configured in .bpmnlintrc.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';

import { BpmnModdle } from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

const config = JSON.parse(await readFile(new URL('../.bpmnlintrc', import.meta.url), 'utf8'));
const sample = await readFile(new URL('./fixtures/item-review.bpmn', import.meta.url), 'utf8');
const moddle = new BpmnModdle({ camunda });

async function lint(xml) {
  const { rootElement } = await moddle.fromXML(xml);
  const linter = new Linter({ config, resolver: new NodeResolver({ require: createRequire(new URL('../package.json', import.meta.url)) }) });
  const results = await linter.lint(rootElement);

  return Object.entries(results).flatMap(([ rule, reports ]) =>
    reports.filter(r => r.category === 'error').map(r => `${ rule } ${ r.id }`));
}

test('The sample flow has no lint errors', async () => {
  assert.deepEqual(await lint(sample), []);
});

test('A service task that is not an external task with a topic is an error', async () => {
  const errors = await lint(sample.replace(' camunda:type="external" camunda:topic="checklist.verify"', ''));

  assert.ok(errors.includes('decoupling/service-task-external Check'), errors.join('\n'));

  const noTopic = await lint(sample.replace(' camunda:topic="checklist.verify"', ''));

  assert.ok(noTopic.includes('decoupling/service-task-external Check'), noTopic.join('\n'));
});

test('A user task without assignee or candidate groups is an error', async () => {
  const errors = await lint(sample.replace(' camunda:candidateGroups="dept:mzj,role:Reviewer"', ''));

  assert.ok(errors.includes('decoupling/user-task-assignment Review'), errors.join('\n'));
});

test('An exclusive gateway whose outgoing flows lack conditions and a default is an error', async () => {
  const errors = await lint(sample.replace(' default="Flow_Back"', ''));

  assert.ok(errors.includes('decoupling/exclusive-gateway-conditions Decide'), errors.join('\n'));
});

test('A user task without a form is an error, as the server refuses to publish it', async () => {
  const errors = await lint(sample.replace(/<bpmn:extensionElements>\s*<camunda:formData>[\s\S]*?<\/camunda:formData>\s*<\/bpmn:extensionElements>/, ''));

  assert.ok(errors.includes('decoupling/user-task-form Review'), errors.join('\n'));
});

test('A declared outcome without a way out, and a condition reading an undeclared outcome, are errors', async () => {
  const noDefault = sample.replace(' default="Flow_Back"', '')
    .replace('<bpmn:sequenceFlow id="Flow_Back" name="驳回" sourceRef="Decide" targetRef="Review" />',
      '<bpmn:sequenceFlow id="Flow_Back" name="驳回" sourceRef="Decide" targetRef="Review"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${outcome == \'reject\'}</bpmn:conditionExpression></bpmn:sequenceFlow>');
  const errors = await lint(noDefault);

  assert.ok(errors.includes('decoupling/outcome-routing Review'), errors.join('\n'));
  assert.ok(errors.includes('decoupling/outcome-routing Flow_Back'), errors.join('\n'));
  assert.deepEqual(await lint(sample), []);
});
