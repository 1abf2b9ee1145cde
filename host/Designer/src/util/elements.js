import { getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';

/** The name of a diagram element for lists, falling back to its id. */
export function labelOf(elementRegistry, elementId) {
  const element = elementRegistry.get(elementId);

  const name = element && getBusinessObject(element).name;

  return name ? `${ name }（${ elementId }）` : elementId;
}

/** Selects an element and scrolls it into view, if it is on the canvas. */
export function reveal(injector, elementId) {
  const element = injector.get('elementRegistry').get(elementId);

  if (!element) {
    return false;
  }

  const canvas = injector.get('canvas');

  // bring its plane to front when it lives in a collapsed sub-process
  try {
    canvas.findRoot && canvas.setRootElement(canvas.findRoot(element));
  } catch (e) {
    // not a multi-root canvas
  }

  canvas.scrollToElement(element);

  const selection = injector.get('selection', false);

  selection && selection.select(element);

  return true;
}

/** Overlays can only be attached to shapes and connections, not to the root. */
export function canOverlay(elementRegistry, elementId) {
  const element = elementRegistry.get(elementId);

  return !!(element && element.parent);
}
