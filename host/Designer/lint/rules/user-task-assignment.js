const { is } = require('bpmnlint-utils');

const { camundaAttr } = require('../util');

/**
 * A user task needs someone to do it: an assignee, candidate groups
 * (departments dept:{code} or roles role:{Role}) or candidate users.
 */
module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }

    const filled = [ 'assignee', 'candidateGroups', 'candidateUsers' ]
      .some(name => {
        const value = camundaAttr(node, name);
        return value && String(value).trim();
      });

    if (!filled) {
      reporter.report(node.id, '用户任务必须指定处理人或候选部门/角色', [ 'assignee', 'candidateGroups' ]);
    }
  }

  return { check };
};
