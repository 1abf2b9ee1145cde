import translate from './translate';
import UntranslatedLabels from './UntranslatedLabels';

/**
 * Replaces bpmn-js' `translate` service: palette, context pad, replace menu,
 * properties panel, element templates and lint messages speak zh-CN; the few
 * panel labels drawn without the service are translated as they appear.
 */
export default {
  __init__: [ 'untranslatedLabels' ],
  translate: [ 'value', translate ],
  untranslatedLabels: [ 'type', UntranslatedLabels ]
};
