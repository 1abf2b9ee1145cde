import { h } from '../util/dom';

/**
 * Short messages in a status line: notifications.show('已保存', 'success').
 * Kinds: info, success, warning, error. config.notifications.parent is the container.
 */
export default class Notifications {

  constructor(config) {
    const parent = config && config.parent;

    this._container = (typeof parent === 'string' ? document.querySelector(parent) : parent) || document.body;
    this._line = h('div', { class: 'dz-notifications', role: 'status', 'aria-live': 'polite' });
    this._container.appendChild(this._line);
  }

  show(message, kind = 'info', timeout = kind === 'error' ? 10000 : 4000) {
    const item = h('div', { class: 'dz-notification dz-' + kind },
      h('span', {}, message),
      h('button', { type: 'button', class: 'dz-close', title: '关闭', onclick: () => item.remove() }, '×'));

    this._line.appendChild(item);

    if (timeout) {
      setTimeout(() => item.remove(), timeout);
    }

    return item;
  }

  error(err, prefix) {
    const message = (err && err.message) || String(err);

    return this.show(prefix ? `${ prefix }：${ message }` : message, 'error');
  }
}

Notifications.$inject = [ 'config.notifications' ];
