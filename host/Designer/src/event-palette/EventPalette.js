/**
 * Palette entries for the BPMN elements the engine runs beyond tasks and
 * gateways: script task (JavaScript), signal, escalation, conditional, link and
 * compensation events, event sub-process and transaction. bpmn-js reaches them
 * only through the replace menu; a clerk redesigning a flow should see them.
 */
export default class EventPalette {

  constructor(palette, create, elementFactory, bpmnFactory, translate) {
    this._create = create;
    this._elementFactory = elementFactory;
    this._bpmnFactory = bpmnFactory;
    this._translate = translate;

    palette.registerProvider(this);
  }

  getPaletteEntries() {
    const translate = this._translate;

    const entry = (group, className, title, attrs) => {
      const start = (event) => {
        this._create.start(event, this._elementFactory.createShape(attrs()));
      };

      return {
        group,
        className,
        title: translate(title),
        action: { dragstart: start, click: start }
      };
    };

    const event = (type, definition) => () => ({ type, eventDefinitionType: definition });

    return {
      'create.script-task': entry('activity', 'bpmn-icon-script-task', 'Create script task', () => ({
        type: 'bpmn:ScriptTask',
        businessObject: this._bpmnFactory.create('bpmn:ScriptTask', { scriptFormat: 'javascript' })
      })),
      'create.event-subprocess': entry('activity', 'bpmn-icon-event-subprocess-expanded', 'Create event sub-process', () => ({
        type: 'bpmn:SubProcess', triggeredByEvent: true, isExpanded: true
      })),
      'create.transaction': entry('activity', 'bpmn-icon-transaction', 'Create transaction', () => ({
        type: 'bpmn:Transaction', isExpanded: true
      })),
      'create.signal-start': entry('event', 'bpmn-icon-start-event-signal', 'Create signal start event',
        event('bpmn:StartEvent', 'bpmn:SignalEventDefinition')),
      'create.signal-catch': entry('event', 'bpmn-icon-intermediate-event-catch-signal', 'Create signal intermediate catch event',
        event('bpmn:IntermediateCatchEvent', 'bpmn:SignalEventDefinition')),
      'create.signal-throw': entry('event', 'bpmn-icon-intermediate-event-throw-signal', 'Create signal intermediate throw event',
        event('bpmn:IntermediateThrowEvent', 'bpmn:SignalEventDefinition')),
      'create.signal-end': entry('event', 'bpmn-icon-end-event-signal', 'Create signal end event',
        event('bpmn:EndEvent', 'bpmn:SignalEventDefinition')),
      'create.escalation-throw': entry('event', 'bpmn-icon-intermediate-event-throw-escalation', 'Create escalation intermediate throw event',
        event('bpmn:IntermediateThrowEvent', 'bpmn:EscalationEventDefinition')),
      'create.escalation-end': entry('event', 'bpmn-icon-end-event-escalation', 'Create escalation end event',
        event('bpmn:EndEvent', 'bpmn:EscalationEventDefinition')),
      'create.conditional-catch': entry('event', 'bpmn-icon-intermediate-event-catch-condition', 'Create conditional intermediate catch event',
        event('bpmn:IntermediateCatchEvent', 'bpmn:ConditionalEventDefinition')),
      'create.link-throw': entry('event', 'bpmn-icon-intermediate-event-throw-link', 'Create link intermediate throw event',
        event('bpmn:IntermediateThrowEvent', 'bpmn:LinkEventDefinition')),
      'create.link-catch': entry('event', 'bpmn-icon-intermediate-event-catch-link', 'Create link intermediate catch event',
        event('bpmn:IntermediateCatchEvent', 'bpmn:LinkEventDefinition')),
      'create.compensation-throw': entry('event', 'bpmn-icon-intermediate-event-throw-compensation', 'Create compensation intermediate throw event',
        event('bpmn:IntermediateThrowEvent', 'bpmn:CompensateEventDefinition')),
      'create.compensation-end': entry('event', 'bpmn-icon-end-event-compensation', 'Create compensation end event',
        event('bpmn:EndEvent', 'bpmn:CompensateEventDefinition'))
    };
  }
}

EventPalette.$inject = [ 'palette', 'create', 'elementFactory', 'bpmnFactory', 'translate' ];
