const { is } = require('bpmnlint-utils');

const { formFields } = require('../util');

/**
 * Every user task declares what it accepts (camunda:formData): the server refuses to publish a user task without a
 * form, because people could otherwise write any variable there (ADR 7).
 */
module.exports = function() {

  function check(node, reporter) {
    if (is(node, 'bpmn:UserTask') && formFields(node) === null) {
      reporter.report(node.id, '用户任务必须声明表单（camunda:formData）：平台不发布没有办理约定的任务', [ 'extensionElements' ]);
    }
  }

  return { check };
};
