// The version diff lists added, removed and changed elements by id, with what changed as a person reads it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { BpmnModdle } from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };

import { diffDefinitions } from '../src/versions/diff.js';

const moddle = new BpmnModdle({ camunda });
const sample = await readFile(new URL('./fixtures/item-review.bpmn', import.meta.url), 'utf8');

async function definitions(xml) {
  return (await moddle.fromXML(xml)).rootElement;
}

test('A renamed task and new candidate groups show as one changed element naming both properties', async () => {
  const before = await definitions(sample);
  const after = await definitions(sample
    .replace('name="主管单位审核"', 'name="主管单位复核"')
    .replace('camunda:candidateGroups="dept:mzj,role:Reviewer"', 'camunda:candidateGroups="dept:czj"'));

  const diff = diffDefinitions(before, after);

  assert.deepEqual(diff.added, []);
  assert.deepEqual(diff.removed, []);
  assert.deepEqual(diff.changed.map(c => [ c.id, c.properties ]), [ [ 'Review', [ 'bpmn:name', 'camunda:candidateGroups' ] ] ]);
});

test('A changed condition changes the flow, not the gateway', async () => {
  const before = await definitions(sample);
  const after = await definitions(sample.replace("${outcome == 'approve'}", "${outcome == 'pass'}"));

  const diff = diffDefinitions(before, after);

  assert.deepEqual(diff.changed.map(c => c.id), [ 'Flow_Pass' ]);
  assert.deepEqual(diff.changed[0].changes, [
    { property: 'bpmn:conditionExpression', before: "${outcome == 'approve'}", after: "${outcome == 'pass'}" }
  ]);
});

test('A due date and a form choice show their values before and after; form fields are named as such, not as extension elements', async () => {
  const before = await definitions(sample);
  const after = await definitions(sample
    .replace('camunda:dueDate="P5D"', 'camunda:dueDate="P10D"')
    .replace('name="退回补正"', 'name="退回修改"'));

  const [ review ] = (diffDefinitions(before, after)).changed;

  assert.equal(review.label, '主管单位审核');
  assert.deepEqual(review.changes, [
    { property: 'camunda:dueDate', before: 'P5D', after: 'P10D' },
    { property: 'extension:camunda:FormData', before: '审核结论：同意、退回补正', after: '审核结论：同意、退回修改' }
  ]);
});

test("A form field's variable is part of the form: renaming it is a change", async () => {
  const before = await definitions(sample);
  const after = await definitions(sample.replace('<camunda:formField id="outcome"', '<camunda:formField id="result"'));

  assert.deepEqual(diffDefinitions(before, after).changed.map(c => [ c.id, c.properties ]), [ [ 'Review', [ 'extension:camunda:FormData' ] ] ]);
});

test('An unnamed flow is labelled by its two ends', async () => {
  const before = await definitions(sample);
  const after = await definitions(sample.replace('<bpmn:sequenceFlow id="Flow_2" sourceRef="Check" targetRef="Review" />',
    '<bpmn:sequenceFlow id="Flow_2" sourceRef="Check" targetRef="Review"><bpmn:documentation>先查后审</bpmn:documentation></bpmn:sequenceFlow>'));

  const [ flow ] = diffDefinitions(before, after).changed;

  assert.equal(flow.id, 'Flow_2');
  assert.match(flow.label, /^从“.+”到“主管单位审核”$/);
});

test('A removed boundary event and its flow and end event are listed as removed; the timer definition goes with its event', async () => {
  const before = await definitions(sample);
  const after = await definitions(sample
    .replace(/<bpmn:boundaryEvent id="Timer_Remind"[\s\S]*?<\/bpmn:boundaryEvent>/, '')
    .replace(/<bpmn:sequenceFlow id="Flow_Remind"[^>]*\/>/, '')
    .replace(/<bpmn:endEvent id="End_Remind"[\s\S]*?<\/bpmn:endEvent>/, ''));

  const diff = diffDefinitions(before, after);

  assert.deepEqual(diff.removed.map(r => r.id).sort(), [ 'End_Remind', 'Flow_Remind', 'Timer_Remind' ]);
  assert.deepEqual(diff.added, []);
});

test('Moving a shape is layout, not a change', async () => {
  const before = await definitions(sample);
  const after = await definitions(sample.replace('<dc:Bounds x="400" y="160"', '<dc:Bounds x="420" y="180"'));

  assert.deepEqual(diffDefinitions(before, after), { added: [], removed: [], changed: [] });
});

test('A flow sent to another step names the steps, not their ids', async () => {
  const before = await definitions(sample);
  const after = await definitions(sample.replace('<bpmn:sequenceFlow id="Flow_2" sourceRef="Check" targetRef="Review" />',
    '<bpmn:sequenceFlow id="Flow_2" sourceRef="Check" targetRef="End_Remind" />'));

  const flow = diffDefinitions(before, after).changed.find(c => c.id === 'Flow_2');
  const target = flow.changes.find(c => c.property === 'bpmn:targetRef');

  assert.deepEqual([ target.before, target.after ], [ '主管单位审核', '已提醒' ]);
});
