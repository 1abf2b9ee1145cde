import { h } from '../util/dom';

/**
 * Tabs beside the canvas. config.sidePanels.parent is the container (element or selector).
 *
 * const body = sidePanels.add('simulation', '模拟', 30); sidePanels.show('simulation');
 */
export default class SidePanels {

  constructor(config, eventBus) {
    this._eventBus = eventBus;
    this._panels = [];

    const parent = config && config.parent;

    this._container = typeof parent === 'string' ? document.querySelector(parent) : parent;

    if (!this._container) {
      this._container = h('div');
    }

    this._tabs = h('div', { class: 'dz-tabs', role: 'tablist' });
    this._bodies = h('div', { class: 'dz-tab-bodies' });

    this._container.classList.add('dz-side');
    this._container.append(this._tabs, this._bodies);
  }

  /**
   * Adds a tab and returns the element to render into.
   *
   * @param {string} id
   * @param {string} title
   * @param {number} [order] lower first
   *
   * @return {HTMLElement}
   */
  add(id, title, order = 100) {
    const body = h('div', { class: 'dz-tab-body', 'data-panel': id, role: 'tabpanel' });
    const tab = h('button', {
      class: 'dz-tab',
      type: 'button',
      role: 'tab',
      'data-panel': id,
      onclick: () => this.show(id)
    }, h('span', { class: 'dz-tab-title' }, title), h('span', { class: 'dz-tab-count' }));

    const panel = { id, title, order, body, tab };

    this._panels.push(panel);
    this._panels.sort((a, b) => a.order - b.order);

    this._panels.forEach(p => {
      this._tabs.appendChild(p.tab);
      this._bodies.appendChild(p.body);
    });

    if (!this._current) {
      this.show(id);
    } else {
      body.hidden = true;
    }

    return body;
  }

  show(id) {
    this._panels.forEach(panel => {
      const active = panel.id === id;

      panel.body.hidden = !active;
      panel.tab.classList.toggle('dz-active', active);
      panel.tab.setAttribute('aria-selected', String(active));
    });

    this._current = id;

    this._eventBus.fire('sidePanels.shown', { id });
  }

  /** Shows a number (or nothing) beside a tab's title, e.g. the count of errors. */
  setCount(id, count, state) {
    const panel = this._panels.find(p => p.id === id);

    if (!panel) {
      return;
    }

    const counter = panel.tab.querySelector('.dz-tab-count');

    counter.textContent = count ? String(count) : '';
    counter.className = 'dz-tab-count' + (state ? ' dz-' + state : '');
  }
}

SidePanels.$inject = [ 'config.sidePanels', 'eventBus' ];
