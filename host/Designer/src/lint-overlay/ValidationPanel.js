import { h, replaceChildren, formatTime } from '../util/dom';
import { labelOf, reveal } from '../util/elements';

import { flattenLintResults } from './lintIssues';

/**
 * The "校验" tab: bpmnlint findings (live) and the server's errors (on request),
 * each clickable to select its element. Registers the editor action 'designer.validate'.
 */
export default class ValidationPanel {

  constructor(eventBus, sidePanels, linting, serverValidation, elementRegistry, injector, translate, notifications) {
    this._sidePanels = sidePanels;
    this._linting = linting;
    this._serverValidation = serverValidation;
    this._elementRegistry = elementRegistry;
    this._injector = injector;
    this._translate = translate;
    this._notifications = notifications;

    this._lintIssues = [];
    this._serverErrors = [];
    this._checkedAt = null;

    this._body = sidePanels.add('validation', '校验', 20);

    eventBus.on('linting.completed', ({ issues }) => {
      this._lintIssues = flattenGrouped(issues);
      this._render();
    });

    eventBus.on('serverValidation.changed', ({ errors, checkedAt }) => {
      this._serverErrors = errors;
      this._checkedAt = checkedAt;
      this._render();
    });

    eventBus.on('editorActions.init', ({ editorActions }) => {
      editorActions.register('designer.validate', () => this.validate());
    });

    this._render();
  }

  /** Lints and asks the server; shows the panel. Returns the number of errors. */
  async validate() {
    this._sidePanels.show('validation');

    const lintErrors = await this.lintErrors();

    try {
      const errors = await this._serverValidation.validate();

      if (!errors.length && !lintErrors.length) {
        this._notifications.show('校验通过', 'success');
      }

      return lintErrors.length + errors.length;
    } catch (err) {
      this._notifications.error(err, '服务器校验失败');

      return lintErrors.length;
    }
  }

  /** bpmnlint errors (not warnings) of the current diagram. */
  async lintErrors() {
    const results = await this._linting.lint();

    return flattenLintResults(results).filter(issue => issue.category === 'error');
  }

  _render() {
    const translate = this._translate;
    const lintErrors = this._lintIssues.filter(i => i.category === 'error').length;
    const errors = lintErrors + this._serverErrors.length;

    this._sidePanels.setCount('validation', errors || (this._lintIssues.length || ''), errors ? 'error' : 'warning');

    const item = (issue, source) => h('li', {
      class: `dz-issue dz-${ issue.category || 'error' }`,
      onclick: () => issue.elementId && reveal(this._injector, issue.elementId)
    },
    h('span', { class: 'dz-issue-kind' }, source === 'server' ? '服务器' : (issue.category === 'error' ? '错误' : '警告')),
    h('span', { class: 'dz-issue-element' }, issue.elementId ? labelOf(this._elementRegistry, issue.elementId) : '整个流程'),
    h('span', { class: 'dz-issue-message' }, source === 'server' ? `${ issue.message }（${ issue.code }）` : translate(issue.message)));

    replaceChildren(this._body,
      h('div', { class: 'dz-toolbar-row' },
        h('button', { type: 'button', class: 'dz-button dz-primary', onclick: () => this.validate() }, '服务器校验'),
        h('button', {
          type: 'button',
          class: 'dz-button',
          onclick: () => this._linting.toggle()
        }, this._linting.isActive() ? '隐藏图上标记' : '在图上标记')),
      h('h3', {}, `规则检查（${ this._lintIssues.length }）`),
      this._lintIssues.length
        ? h('ul', { class: 'dz-issues' }, this._lintIssues.map(issue => item(issue, 'lint')))
        : h('p', { class: 'dz-muted' }, '没有发现问题'),
      h('h3', {}, '服务器校验'),
      this._checkedAt
        ? (this._serverErrors.length
          ? h('ul', { class: 'dz-issues' }, this._serverErrors.map(error => item({ ...error, category: 'error' }, 'server')))
          : h('p', { class: 'dz-muted' }, `${ formatTime(this._checkedAt) } 校验通过`))
        : h('p', { class: 'dz-muted' }, '尚未校验。发布前会自动校验。')
    );
  }
}

ValidationPanel.$inject = [
  'eventBus',
  'sidePanels',
  'linting',
  'serverValidation',
  'elementRegistry',
  'injector',
  'translate',
  'notifications'
];

/** linting.completed gives issues grouped by the element they are shown on. */
function flattenGrouped(grouped) {
  const issues = [];

  Object.values(grouped || {}).forEach(list => {
    list.forEach(issue => issues.push({
      elementId: issue.actualElementId || issue.id,
      rule: issue.rule,
      category: issue.category === 'warn' ? 'warning' : issue.category,
      message: issue.message
    }));
  });

  const rank = { error: 0, warning: 1, info: 2 };

  return issues.sort((a, b) => (rank[a.category] ?? 3) - (rank[b.category] ?? 3));
}
