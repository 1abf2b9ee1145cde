/**
 * Walks the semantic BPMN tree (processes and sub-processes, collapsed or not).
 *
 * @param {ModdleElement} definitions
 *
 * @return {ModdleElement[]} every flow element, in document order
 */
export function allFlowElements(definitions) {
  const result = [];

  function walk(container) {
    (container.flowElements || []).forEach(element => {
      result.push(element);

      if (element.flowElements) {
        walk(element);
      }
    });
  }

  ((definitions && definitions.rootElements) || [])
    .filter(root => root.$instanceOf('bpmn:Process'))
    .forEach(walk);

  return result;
}

/** The process key (id of the executable process, else of the first process). */
export function processKey(definitions) {
  const processes = ((definitions && definitions.rootElements) || []).filter(root => root.$instanceOf('bpmn:Process'));

  const process = processes.find(p => p.isExecutable) || processes[0];

  return process ? process.id : null;
}

/** The process name for titles. */
export function processName(definitions) {
  const processes = ((definitions && definitions.rootElements) || []).filter(root => root.$instanceOf('bpmn:Process'));

  const process = processes.find(p => p.isExecutable) || processes[0];

  return process ? (process.name || process.id) : '';
}

/** Error codes a service task can throw that something in the diagram catches. */
export function caughtErrorCodes(definitions, taskId) {
  const codes = new Set();

  allFlowElements(definitions)
    .filter(element => element.$instanceOf('bpmn:BoundaryEvent') && element.attachedToRef && element.attachedToRef.id === taskId)
    .forEach(boundary => (boundary.eventDefinitions || []).forEach(definition => {
      if (definition.$instanceOf('bpmn:ErrorEventDefinition') && definition.errorRef && definition.errorRef.errorCode) {
        codes.add(definition.errorRef.errorCode);
      }
    }));

  ((definitions && definitions.rootElements) || [])
    .filter(root => root.$instanceOf('bpmn:Error') && root.errorCode)
    .forEach(error => codes.add(error.errorCode));

  return [ ...codes ];
}
