const PREFIX = 'dz-designer-draft:';
const NEW = '__new__';
const DELAY = 1000;

/**
 * Autosaves the diagram to localStorage a second after each edit, per process key
 * (a new diagram without key uses its own slot). Fires 'drafts.saved' with { savedAt }.
 */
export default class Drafts {

  constructor(eventBus, bpmnjs) {
    this._eventBus = eventBus;
    this._bpmnjs = bpmnjs;
    this._slot = NEW;
    this._timer = null;
    this._suspended = 0;

    eventBus.on('commandStack.changed', () => {
      if (this._suspended) {
        return;
      }

      clearTimeout(this._timer);
      this._timer = setTimeout(() => this.save(), DELAY);
    });
  }

  /** Which key the drafts belong to (null: a new diagram). */
  setKey(key) {
    this._slot = key || NEW;
  }

  async save() {
    clearTimeout(this._timer);

    const { xml } = await this._bpmnjs.saveXML({ format: true });
    const draft = { xml, savedAt: new Date().toISOString() };

    try {
      localStorage.setItem(PREFIX + this._slot, JSON.stringify(draft));
    } catch (err) {
      // storage full or disabled: the designer keeps working without drafts
      this._eventBus.fire('drafts.failed', { error: err });
      return null;
    }

    this._eventBus.fire('drafts.saved', draft);

    return draft;
  }

  /** @return {{ xml, savedAt } | null} */
  load() {
    try {
      const text = localStorage.getItem(PREFIX + this._slot);

      return text ? JSON.parse(text) : null;
    } catch (err) {
      return null;
    }
  }

  discard() {
    clearTimeout(this._timer);

    try {
      localStorage.removeItem(PREFIX + this._slot);
    } catch (err) {
      // nothing stored
    }

    this._eventBus.fire('drafts.discarded', {});
  }

  /** Runs fn without autosaving its changes (e.g. importing a version to look at it). */
  async withoutAutosave(fn) {
    this._suspended++;

    try {
      return await fn();
    } finally {
      this._suspended--;
    }
  }
}

Drafts.$inject = [ 'eventBus', 'bpmnjs' ];
