import { badge } from './dom';
import { canOverlay } from './elements';

/**
 * Colours elements with canvas markers (CSS classes on the element's graphics) and
 * puts count badges on them; remembers what it did so clear() undoes exactly that.
 * Used by the simulation, the version diff and the instance viewer.
 */
export default class Highlighter {

  /**
   * @param {Injector} injector
   * @param {string} overlayType overlays of this highlighter
   */
  constructor(injector, overlayType) {
    this._canvas = injector.get('canvas');
    this._overlays = injector.get('overlays');
    this._elementRegistry = injector.get('elementRegistry');
    this._type = overlayType;
    this._marked = [];
  }

  /** Adds a marker (CSS class) to each element id that is on the canvas. */
  mark(ids, marker) {
    ids.forEach(id => {
      if (this._elementRegistry.get(id)) {
        this._canvas.addMarker(id, marker);
        this._marked.push([ id, marker ]);
      }
    });
  }

  /** Shows a badge with `text` on the element (bottom right). */
  badge(id, text, className, title) {
    if (!canOverlay(this._elementRegistry, id)) {
      return;
    }

    const html = badge(text, className);

    if (title) {
      html.title = title;
    }

    this._overlays.add(id, this._type, {
      position: { bottom: 8, right: 8 },
      html
    });
  }

  /**
   * Marks the sequence flows between two marked nodes, so a path reads as a line.
   *
   * @param {Set<string>} nodeIds
   * @param {string} marker
   */
  markFlowsBetween(nodeIds, marker) {
    const flows = this._elementRegistry.filter(element => {
      const bo = element.businessObject;

      return element.waypoints && bo && bo.$instanceOf('bpmn:SequenceFlow') &&
        bo.sourceRef && bo.targetRef && nodeIds.has(bo.sourceRef.id) && nodeIds.has(bo.targetRef.id);
    });

    this.mark(flows.map(flow => flow.id), marker);
  }

  clear() {
    this._marked.forEach(([ id, marker ]) => {
      if (this._elementRegistry.get(id)) {
        this._canvas.removeMarker(id, marker);
      }
    });

    this._marked = [];
    this._overlays.remove({ type: this._type });
  }
}
