import { api } from '../api';

/**
 * Fetches GET /api/element-templates once the diagram exists and hands them to
 * bpmn-js-element-templates; reports templates the validator refused.
 */
export default class ServerElementTemplates {

  constructor(eventBus, elementTemplatesLoader, injector) {
    this._loader = elementTemplatesLoader;
    this._notifications = injector.get('notifications', false);
    this._templates = [];

    eventBus.on('elementTemplates.errors', event => {
      const errors = event.errors || [];

      console.warn('[element-templates] invalid templates', errors);

      this._notify(`有 ${ errors.length } 个元素模板无效：${ errors.map(e => e.message).slice(0, 3).join('；') }`, 'warning');
    });

    // a listener that returns a value stops the event: keep bodies in braces
    eventBus.once('diagram.init', () => {
      this.reload();
    });
  }

  /** Templates as last loaded from the server. */
  getTemplates() {
    return this._templates;
  }

  async reload() {
    try {
      const templates = await api.elementTemplates();

      this._templates = Array.isArray(templates) ? templates : [];
      this._loader.setTemplates(this._templates);
    } catch (err) {
      this._notify(`无法加载自定义活动模板：${ err.message }`, 'warning');
    }
  }

  _notify(message, kind) {
    if (this._notifications) {
      this._notifications.show(message, kind);
    }
  }
}

ServerElementTemplates.$inject = [ 'eventBus', 'elementTemplatesLoader', 'injector' ];
