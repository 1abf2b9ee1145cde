import { ElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import ElementTemplateChooserModule from '@bpmn-io/element-template-chooser';

import ServerElementTemplates from './ServerElementTemplates';

/**
 * Camunda 7 element templates of our custom C# activities, loaded from the server,
 * in the properties panel ("模板" group) and the template chooser.
 */
export default {
  __depends__: [
    ElementTemplatesPropertiesProviderModule,
    ElementTemplateChooserModule
  ],
  __init__: [ 'serverElementTemplates' ],
  serverElementTemplates: [ 'type', ServerElementTemplates ]
};
