const { is } = require('bpmnlint-utils');

/**
 * An exclusive gateway that splits must be able to choose: every outgoing flow
 * except the default flow carries a condition.
 */
module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:ExclusiveGateway')) {
      return;
    }

    const outgoing = node.outgoing || [];

    if (outgoing.length < 2) {
      return;
    }

    const missing = outgoing.filter(flow => flow !== node.default && !flow.conditionExpression);

    if (missing.length) {
      const names = missing.map(flow => flow.name || flow.id).join('、');

      reporter.report(node.id, `排他网关的出口必须都有条件，或指定一条默认路径（缺少条件：${ names }）`);
    }
  }

  return { check };
};
