const { is, isAny } = require('bpmnlint-utils');

const { formFields } = require('../util');

/**
 * A user task's declared outcomes (its enum field "outcome") must each lead somewhere, and the conditions after it may
 * read only outcomes it declares — the same rules the server checks at publish (BpmnFormRules): the decision is the
 * task's own conditional flows, or the exclusive/inclusive gateway right after it; a default flow is a way out for any
 * outcome.
 */
module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }

    const outcome = (formFields(node) || []).find(f => f.id === 'outcome' && f.type === 'enum');
    const values = outcome ? (outcome.values || []).map(v => v.id).filter(Boolean) : [];

    if (routedLater(node)) {
      return;
    }

    const decision = decisionAfter(node);
    const reads = decision && (decision.outgoing || []).some(f => mentions(conditionOf(f), 'outcome'));

    if (!decision || !reads) {
      if (values.length > 1) {
        reporter.report(node.id, `任务声明了多个办理结论（${ values.join('、') }），但其后没有按结论分支的网关或条件连线`);
      }

      return;
    }

    const flows = decision.outgoing || [];
    const hasDefault = Boolean(decision.default) || flows.some(f => !f.conditionExpression);

    for (const value of values) {
      if (!hasDefault && !flows.some(f => readsOutcome(f).includes(value))) {
        reporter.report(node.id, `办理结论“${ nameOf(outcome, value) }”在 ${ decision.id } 之后没有出口连线（也没有默认连线）`);
      }
    }

    for (const flow of flows) {
      for (const read of readsOutcome(flow)) {
        if (!values.includes(read)) {
          reporter.report(flow.id, `连线条件读取了结论“${ read }”，但任务 ${ node.id } 没有声明这个结论（可选：${ values.join('、') || '无' }）`);
        }
      }
    }
  }

  return { check };
};

/** The outcome handed on by an output parameter (e.g. articlesDecision = ${outcome}) that a later condition reads. */
function routedLater(task) {
  const extensions = task.extensionElements && task.extensionElements.values || [];
  const io = extensions.find(e => e.$type === 'camunda:InputOutput');
  const passed = (io && io.outputParameters || []).filter(p => mentions(p.value, 'outcome')).map(p => p.name);

  if (!passed.length) {
    return false;
  }

  let process = task.$parent;
  while (process && !is(process, 'bpmn:Process')) {
    process = process.$parent;
  }

  return allFlows(process).some(f => passed.some(name => mentions(conditionOf(f), name)));
}

function allFlows(container) {
  const elements = container && container.flowElements || [];

  return elements.flatMap(e => is(e, 'bpmn:SequenceFlow') ? [ e ] : allFlows(e));
}

function conditionOf(flow) {
  return flow.conditionExpression && flow.conditionExpression.body || '';
}

function mentions(text, name) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  return typeof text === 'string' && new RegExp(`(^|[^\\w.$])${ escaped }(?![\\w$])`).test(text);
}

function decisionAfter(task) {
  const outgoing = task.outgoing || [];

  if (outgoing.some(f => f.conditionExpression)) {
    return task;
  }

  const target = outgoing.length === 1 ? outgoing[0].targetRef : null;

  return target && isAny(target, [ 'bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway' ]) ? target : null;
}

/** The outcome values a flow's condition compares with: outcome == 'x', 'x' === outcome, outcome != "x"… */
function readsOutcome(flow) {
  const body = conditionOf(flow);
  const found = [];
  const patterns = [ /\boutcome\s*[!=]==?\s*['"]([^'"]+)['"]/g, /['"]([^'"]+)['"]\s*[!=]==?\s*outcome\b/g ];

  for (const pattern of patterns) {
    for (const match of body.matchAll(pattern)) {
      found.push(match[1]);
    }
  }

  return found;
}

function nameOf(field, id) {
  const value = (field.values || []).find(v => v.id === id);

  return value && value.name || id;
}
