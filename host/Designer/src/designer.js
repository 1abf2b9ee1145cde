/**
 * Entry of the designer page (index.html): bpmn-js Modeler with the Camunda 7
 * properties panel and our modules. Page contract: #canvas, #side, #status and
 * buttons [data-action="designer.*"] that trigger editor actions.
 */
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';

import bpmnlintConfig from '../.bpmnlintrc';

import TranslateModule from './translate';
import ShellModule from './shell';
import ElementTemplatesModule from './element-templates';
import DepartmentPickerModule from './department-picker';
import LintOverlayModule from './lint-overlay';
import SimulationModule from './simulation';
import VersionsModule from './versions';
import FileActions from './file-actions';
import PaletteModule from './palette';
import EventPaletteModule from './event-palette';
import newDiagram from './newDiagram';

import './styles/designer.css';

const params = new URLSearchParams(window.location.search);

const modeler = new BpmnModeler({
  container: '#canvas',
  sidePanels: { parent: '#side' },
  notifications: { parent: '#status' },
  linting: { bpmnlint: bpmnlintConfig, active: true },
  additionalModules: [
    TranslateModule,
    ShellModule,
    BpmnPropertiesPanelModule,
    BpmnPropertiesProviderModule,
    CamundaPlatformPropertiesProviderModule,
    CamundaBehaviorsModule,
    ElementTemplatesModule,
    DepartmentPickerModule,
    LintOverlayModule,
    SimulationModule,
    VersionsModule,
    FileActions,
    PaletteModule,
    EventPaletteModule
  ],
  moddleExtensions: {
    camunda: camundaModdle
  }
});

// the properties panel is the first tab beside the canvas
const propertiesTab = modeler.get('sidePanels').add('properties', '属性', 10);

modeler.get('propertiesPanel').attachTo(propertiesTab);
modeler.get('sidePanels').show('properties');

// toolbar buttons trigger editor actions registered by the modules
document.querySelectorAll('[data-action]').forEach(button => {
  button.addEventListener('click', () => {
    const editorActions = modeler.get('editorActions');
    const action = button.getAttribute('data-action');

    if (editorActions.isRegistered(action)) {
      editorActions.trigger(action);
    }
  });
});

// the title follows the process name
modeler.on([ 'import.done', 'commandStack.changed' ], () => {
  const definitions = modeler.getDefinitions();
  const process = definitions && definitions.rootElements.find(e => e.$type === 'bpmn:Process');
  const title = document.querySelector('[data-bind="process-name"]');

  if (title) {
    title.textContent = (process && (process.name || process.id)) || '新流程';
  }
});

modeler.get('versionsPanel').start(params.get('key'), newDiagram())
  .catch(err => modeler.get('notifications').error(err, '无法打开流程'));

window.designer = modeler;
