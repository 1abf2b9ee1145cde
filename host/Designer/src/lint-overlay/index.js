import LintingModule from 'bpmn-js-bpmnlint';

import ShellModule from '../shell';
import ServerValidation from './ServerValidation';
import ValidationPanel from './ValidationPanel';

/**
 * Validation while drawing (bpmnlint through bpmn-js-bpmnlint, rules from .bpmnlintrc)
 * and by the server (POST /api/definitions/validate): errors as overlays on their
 * elements and listed in the "校验" panel.
 *
 * Configure with config.linting = { bpmnlint: compiledConfig, active: true }.
 */
export default {
  __depends__: [ LintingModule, ShellModule ],
  __init__: [ 'serverValidation', 'validationPanel' ],
  serverValidation: [ 'type', ServerValidation ],
  validationPanel: [ 'type', ValidationPanel ]
};
