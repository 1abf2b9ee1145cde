import { h } from '../util/dom';
import { canOverlay } from '../util/elements';
import Highlighter from '../util/Highlighter';

/**
 * instanceOverlays.show({ completed: { id: count }, active: [id], overdue: [id], incidents: [ { elementId, message } ] })
 */
export default class InstanceOverlays {

  constructor(injector, overlays, elementRegistry) {
    this._overlays = overlays;
    this._elementRegistry = elementRegistry;
    this._highlighter = new Highlighter(injector, 'dz-instance');
  }

  show(state) {
    this.clear();

    const completed = state.completed || {};
    const active = state.active || [];
    const overdue = state.overdue || [];
    const incidents = state.incidents || [];

    const completedIds = Object.keys(completed).filter(id => completed[id] > 0);

    this._highlighter.mark(completedIds, 'dz-completed');
    this._highlighter.markFlowsBetween(new Set([ ...completedIds, ...active ]), 'dz-path');
    this._highlighter.mark(active, 'dz-active');
    this._highlighter.mark(overdue, 'dz-overdue');
    this._highlighter.mark(incidents.map(i => i.elementId).filter(Boolean), 'dz-incident');

    completedIds.forEach(id => this._highlighter.badge(id, completed[id], 'dz-badge-completed', `完成 ${ completed[id] } 次`));

    const byElement = {};

    incidents.forEach(incident => {
      if (incident.elementId) {
        (byElement[incident.elementId] = byElement[incident.elementId] || []).push(incident);
      }
    });

    Object.entries(byElement).forEach(([ id, list ]) => {
      if (!canOverlay(this._elementRegistry, id)) {
        return;
      }

      this._overlays.add(id, 'dz-instance', {
        position: { top: -12, left: -12 },
        html: h('div', {
          class: 'dz-incident-badge',
          title: list.map(i => i.message).join('\n')
        }, '⚠', list.length > 1 ? String(list.length) : null)
      });
    });
  }

  clear() {
    this._highlighter.clear();
  }
}

InstanceOverlays.$inject = [ 'injector', 'overlays', 'elementRegistry' ];
