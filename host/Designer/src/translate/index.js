import translate from './translate';

/**
 * Replaces bpmn-js' `translate` service: palette, context pad, replace menu,
 * properties panel, element templates and lint messages speak zh-CN.
 */
export default {
  translate: [ 'value', translate ]
};
