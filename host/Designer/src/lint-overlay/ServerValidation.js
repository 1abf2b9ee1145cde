import { api } from '../api';
import { h } from '../util/dom';
import { canOverlay } from '../util/elements';

const OVERLAY_TYPE = 'dz-server-validation';

/**
 * Asks the server to validate the diagram (POST /api/definitions/validate) and shows
 * each error ({ elementId, code, message }) as an overlay on its element. Also shows
 * errors handed over by others (a refused publish answers 422 with the same shape).
 *
 * Fires 'serverValidation.changed' with { errors, checkedAt }.
 */
export default class ServerValidation {

  constructor(eventBus, bpmnjs, overlays, elementRegistry) {
    this._eventBus = eventBus;
    this._bpmnjs = bpmnjs;
    this._overlays = overlays;
    this._elementRegistry = elementRegistry;
    this._errors = [];
    this._checkedAt = null;

    // an edited element's server error may be fixed: drop its marker, keep the list
    eventBus.on('elements.changed', ({ elements }) => {
      elements.forEach(element => this._overlays.remove({ element, type: OVERLAY_TYPE }));
    });

    eventBus.on('import.done', () => {
      this.clear();
    });
  }

  /** @return {Promise<Array<{elementId, code, message}>>} */
  async validate() {
    const { xml } = await this._bpmnjs.saveXML({ format: true });
    const answer = await api.validate(xml);

    const errors = (answer && Array.isArray(answer.errors)) ? answer.errors : [];

    this.show(errors);

    return errors;
  }

  show(errors) {
    this._removeOverlays();

    this._errors = errors || [];
    this._checkedAt = new Date();

    const byElement = {};

    this._errors.forEach(error => {
      if (error.elementId && canOverlay(this._elementRegistry, error.elementId)) {
        (byElement[error.elementId] = byElement[error.elementId] || []).push(error);
      }
    });

    Object.entries(byElement).forEach(([ elementId, errors ]) => {
      this._overlays.add(elementId, OVERLAY_TYPE, {
        position: { top: -12, right: 12 },
        html: h('div', {
          class: 'dz-server-error',
          title: errors.map(e => `[${ e.code }] ${ e.message }`).join('\n')
        }, '!', errors.length > 1 ? String(errors.length) : null)
      });
    });

    this._eventBus.fire('serverValidation.changed', { errors: this._errors, checkedAt: this._checkedAt });
  }

  clear() {
    this._removeOverlays();
    this._errors = [];
    this._checkedAt = null;
    this._eventBus.fire('serverValidation.changed', { errors: [], checkedAt: null });
  }

  getErrors() {
    return this._errors;
  }

  _removeOverlays() {
    this._overlays.remove({ type: OVERLAY_TYPE });
  }
}

ServerValidation.$inject = [ 'eventBus', 'bpmnjs', 'overlays', 'elementRegistry' ];
