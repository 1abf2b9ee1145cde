import { allFlowElements } from '../util/model';

/**
 * Start variables a simulation can run with as they stand: the case facts the platform reads from the register for a
 * case about an association (here the ceramics association of the seeded register), each field of the start event's
 * form with a sample value of its type, and — for a flow that is only ever called, such as item-review — the variables
 * its expressions read that a caller passes in (the checklist item under review). The person edits them before running.
 */
export function sampleStartVariables(definitions) {
  const process = ((definitions && definitions.rootElements) || []).find(e => e.$instanceOf('bpmn:Process'));

  if (!process) {
    return {};
  }

  const elements = allFlowElements(definitions);
  const text = JSON.stringify(collectExpressions(process, elements));
  const reads = name => new RegExp(`\\$\\{[^}]*\\b${ name }\\b`).test(text);
  const variables = {};

  const facts = {
    associationId: '00000000-0000-0000-0000-000000000001',
    associationName: '临沂市罗庄区陶瓷行业协会',
    creditCode: '51371311MJ0000001X',
    supervisoryUnitCode: 'jxj',
    supervisoryUnitName: '区经济和信息化局'
  };

  const about = propertyOf(process, 'caseSubject');

  Object.entries(facts).forEach(([ name, value ]) => {
    if (about === 'association' || reads(name)) {
      variables[name] = value;
    }
  });

  if (reads('item')) {
    variables.item = { id: 'item-1', number: 1, category: 'Functions', title: '剥离行政职能' };
  }

  const start = elements.find(e => e.$instanceOf('bpmn:StartEvent') && e.$parent === process);

  formFields(start).forEach(field => {
    if (!(field.id in variables)) {
      variables[field.id] = sampleOf(field);
    }
  });

  return variables;
}

function sampleOf(field) {
  switch (field.type) {
  case 'long': return 1;
  case 'boolean': return false;
  case 'date': return new Date().toISOString().slice(0, 10);
  case 'enum': return ((field.values || [])[0] || {}).id || '';
  default: return '示例';
  }
}

function extensionValues(element) {
  return (element && element.extensionElements && element.extensionElements.values) || [];
}

function formFields(element) {
  const formData = extensionValues(element).find(e => e.$type === 'camunda:FormData');

  return (formData && formData.fields) || [];
}

function propertyOf(element, name) {
  const properties = extensionValues(element).find(e => e.$type === 'camunda:Properties');
  const property = ((properties && properties.values) || []).find(p => p.name === name);

  return property && property.value;
}

/** Every attribute and body text of the process that may hold an expression: names, conditions, assignments, parameters. */
function collectExpressions(process, elements) {
  const texts = [];
  const visit = (value, depth) => {
    if (depth > 6 || value === null || value === undefined) {
      return;
    }

    if (typeof value === 'string') {
      if (value.includes('${')) {
        texts.push(value);
      }

      return;
    }

    if (Array.isArray(value)) {
      value.forEach(v => visit(v, depth + 1));
      return;
    }

    if (typeof value === 'object' && value.$type) {
      Object.keys(value).filter(key => !key.startsWith('$') && key !== 'incoming' && key !== 'outgoing' && key !== 'sourceRef' && key !== 'targetRef' && key !== 'attachedToRef' && key !== 'default')
        .forEach(key => visit(value[key], depth + 1));
      Object.values(value.$attrs || {}).forEach(v => visit(v, depth + 1));
    }
  };

  elements.forEach(element => visit(element, 0));
  visit(process.extensionElements, 0);

  return texts;
}
