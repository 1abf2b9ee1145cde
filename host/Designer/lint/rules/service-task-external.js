const { is } = require('bpmnlint-utils');

const { camundaAttr } = require('../util');

/**
 * A service task is done by a custom C# activity: it must be an external task
 * (camunda:type="external") with a camunda:topic naming the activity.
 */
module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:ServiceTask')) {
      return;
    }

    if (camundaAttr(node, 'type') !== 'external') {
      reporter.report(node.id, '服务任务必须是外部任务（camunda:type="external"），请选择一个自定义活动模板', [ 'type' ]);
      return;
    }

    const topic = camundaAttr(node, 'topic');

    if (!topic || !String(topic).trim()) {
      reporter.report(node.id, '服务任务缺少主题（camunda:topic）', [ 'topic' ]);
    }
  }

  return { check };
};
