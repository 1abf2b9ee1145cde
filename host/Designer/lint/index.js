// bpmnlint plugin "decoupling": the rules our engine needs on top of bpmnlint:recommended.
module.exports = {
  configs: {
    recommended: {
      rules: {
        'service-task-external': 'error',
        'user-task-assignment': 'error',
        'exclusive-gateway-conditions': 'error',
        'user-task-form': 'error',
        'outcome-routing': 'error'
      }
    }
  }
};
