import { h } from '../util/dom';

/**
 * Asks before something that cannot be taken back, in the page itself: an HTML <dialog>
 * with the facts the person decides on, 取消 and the action. Not window.confirm, whose
 * box names the site instead of the flow and which automated browsers dismiss unseen.
 *
 * confirmDialog.ask({ title, lines: [ ... ], confirm: '发布' }) → Promise<boolean>
 */
export default class ConfirmDialog {

  constructor() {
    this._open = null;
  }

  ask({ title, lines = [], confirm = '确定', cancel = '取消', kind = 'dz-primary' }) {
    // a second question while one is open answers the first one with no
    if (this._open) {
      this._open.close('cancel');
    }

    return new Promise(resolve => {
      const dialog = h('dialog', { class: 'dz-dialog', 'aria-labelledby': 'dz-dialog-title' },
        h('form', { method: 'dialog' },
          h('h2', { id: 'dz-dialog-title' }, title),
          lines.filter(Boolean).map(line => h('p', {}, line)),
          h('div', { class: 'dz-dialog-buttons' },
            h('button', { type: 'submit', value: 'cancel', class: 'dz-button', 'data-answer': 'cancel' }, cancel),
            h('button', { type: 'submit', value: 'confirm', class: 'dz-button ' + kind, 'data-answer': 'confirm' }, confirm))));

      // Esc closes with an empty returnValue: that is a no, as is the 取消 button
      dialog.addEventListener('close', () => {
        this._open = null;
        dialog.remove();
        resolve(dialog.returnValue === 'confirm');
      });

      document.body.appendChild(dialog);
      this._open = dialog;
      dialog.showModal();
      // the safe answer has the focus, so a stray Enter does not publish
      dialog.querySelector('[data-answer="cancel"]').focus();
    });
  }
}
