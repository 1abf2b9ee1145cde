import { api } from '../api';
import { h, replaceChildren, formatTime } from '../util/dom';
import { reveal } from '../util/elements';
import Highlighter from '../util/Highlighter';
import { processKey, processName } from '../util/model';

import { diffDefinitions, isEmptyDiff } from './diff';
import { propertyName } from './propertyNames';

const TYPE_NAMES = {
  'bpmn:UserTask': '用户任务',
  'bpmn:ServiceTask': '服务任务',
  'bpmn:SequenceFlow': '连线',
  'bpmn:ExclusiveGateway': '排他网关',
  'bpmn:ParallelGateway': '并行网关',
  'bpmn:InclusiveGateway': '包容网关',
  'bpmn:StartEvent': '开始事件',
  'bpmn:EndEvent': '结束事件',
  'bpmn:BoundaryEvent': '边界事件',
  'bpmn:IntermediateCatchEvent': '中间事件',
  'bpmn:CallActivity': '调用活动',
  'bpmn:SubProcess': '子流程',
  'bpmn:Process': '流程',
  'bpmn:Lane': '泳道',
  'bpmn:Participant': '参与者'
};

/**
 * Draft, publish, history and diff. Registers the editor actions 'designer.publish'
 * and 'designer.saveDraft'. The page starts it with versionsPanel.start(key).
 */
export default class VersionsPanel {

  constructor(eventBus, bpmnjs, sidePanels, drafts, validationPanel, serverValidation, commandStack, injector, notifications, confirmDialog) {
    this._eventBus = eventBus;
    this._bpmnjs = bpmnjs;
    this._sidePanels = sidePanels;
    this._drafts = drafts;
    this._validationPanel = validationPanel;
    this._serverValidation = serverValidation;
    this._commandStack = commandStack;
    this._injector = injector;
    this._notifications = notifications;
    this._confirmDialog = confirmDialog;
    this._highlighter = new Highlighter(injector, 'dz-diff');

    this._key = null;
    this._loaded = null; // { version, id } of what was opened
    this._versions = [];
    this._historyError = null;
    this._pendingDraft = null;
    this._lastSaved = null;
    this._published = null;
    this._publishing = false;
    this._diff = null;
    this._selected = [];
    // edited since it was opened or published: replacing the diagram then asks first
    this._dirty = false;

    this._body = sidePanels.add('versions', '版本', 40);

    eventBus.on('drafts.saved', ({ savedAt }) => {
      this._lastSaved = savedAt;
      this._render();
    });

    eventBus.on('drafts.failed', () => {
      this._notifications.show('浏览器无法保存草稿（存储已满或被禁用）', 'warning');
    });

    eventBus.on('import.done', () => {
      this._dirty = false;
      this._highlighter.clear();
      this._render();
    });

    eventBus.on('commandStack.changed', ({ trigger }) => {
      if (trigger !== 'clear') {
        this._dirty = true;
      }
    });

    eventBus.on('editorActions.init', ({ editorActions }) => {
      editorActions.register({
        'designer.publish': () => this.publish(),
        'designer.saveDraft': () => this.saveDraft()
      });
    });

    this._render();
  }

  /**
   * Opens the latest version of `key` (or a new diagram from `emptyXml`) and offers
   * to restore a newer local draft.
   */
  async start(key, emptyXml) {
    this._key = key || null;
    this._drafts.setKey(this._key);

    let xml = emptyXml;

    if (this._key) {
      try {
        xml = await api.latestXml(this._key);
      } catch (err) {
        this._notifications.error(err, `无法加载流程 ${ this._key }`);
      }
    }

    await this._import(xml);
    this._commandStack.clear();

    const draft = this._drafts.load();

    if (draft && draft.xml && draft.xml !== xml) {
      this._pendingDraft = draft;
      this._sidePanels.show('versions');
      this._notifications.show(`发现 ${ formatTime(draft.savedAt) } 自动保存的草稿，可在“版本”中恢复`, 'info', 8000);
    }

    await this.refreshHistory();
  }

  /** The process key: given by the page, else the process id in the diagram. */
  getKey() {
    return this._key || processKey(this._bpmnjs.getDefinitions());
  }

  async saveDraft() {
    const draft = await this._drafts.save();

    if (draft) {
      this._notifications.show('草稿已保存到本机浏览器', 'success');
    }
  }

  async restoreDraft() {
    const draft = this._pendingDraft;

    if (!draft) {
      return;
    }

    this._pendingDraft = null;
    await this._import(draft.xml);
    this._notifications.show('已恢复草稿', 'success');
  }

  discardDraft() {
    this._pendingDraft = null;
    this._drafts.discard();
    this._render();
  }

  /**
   * bpmnlint, then the person confirms (which version, how many cases stay on theirs),
   * then POST /api/definitions; a 422 shows its errors on the elements.
   */
  async publish() {
    if (this._publishing) {
      return;
    }

    this._publishing = true;
    this._render();

    try {
      const lintErrors = await this._validationPanel.lintErrors();

      if (lintErrors.length) {
        this._sidePanels.show('validation');
        this._notifications.show(`有 ${ lintErrors.length } 个错误，请先修正再发布`, 'error');
        return;
      }

      if (!await this._confirmPublish()) {
        this._notifications.show('已取消，没有发布', 'info');
        return;
      }

      const { xml } = await this._bpmnjs.saveXML({ format: true });

      const published = await api.publish(xml);

      this._published = published;
      this._dirty = false;
      this._serverValidation.show([]);
      this._drafts.discard();

      if (!this._key && published && published.key) {
        this._key = published.key;
        this._drafts.setKey(this._key);
        this._rememberKeyInUrl(this._key);
      }

      this._notifications.show(published && published.created === false
        ? `与已发布的第 ${ published.version } 版相同，没有创建新版本`
        : `已发布为第 ${ published && published.version } 版`, 'success');

      await this.refreshHistory();
    } catch (err) {
      if (err.status === 422 || (err.errors && err.errors.length)) {
        this._serverValidation.show(err.errors);
        this._sidePanels.show('validation');
        this._notifications.show(`服务器拒绝发布：${ err.errors.length } 个错误，已标在图上`, 'error');
      } else {
        this._notifications.error(err, '发布失败');
      }
    } finally {
      this._publishing = false;
      this._render();
    }
  }

  /** Asks in the page, with the versions read afresh so the counts are those of now. */
  async _confirmPublish() {
    await this.refreshHistory();

    const name = processName(this._bpmnjs.getDefinitions()) || this.getKey() || '新流程';
    const next = this._versions.reduce((max, v) => Math.max(max, v.version), 0) + 1;
    const running = this._versions.filter(v => v.running > 0).sort((a, b) => a.version - b.version);
    const total = running.reduce((sum, v) => sum + v.running, 0);

    return this._confirmDialog.ask({
      title: '发布新版本',
      lines: [
        `将发布流程“${ name }”的第 ${ next } 版。`,
        next === 1 ? '这是该流程的第一个版本，发布后即可发起。' : null,
        next > 1 && total > 0
          ? `正在办理的 ${ total } 件仍按原来的版本办完（${ running.map(v => `第 ${ v.version } 版 ${ v.running } 件`).join('、') }），之后发起的才用第 ${ next } 版。`
          : null,
        next > 1 && total === 0 ? `目前没有正在办理的事项，之后发起的都用第 ${ next } 版。` : null,
        '发布后不能撤回，只能再发布新版本。'
      ],
      confirm: '发布',
      cancel: '取消'
    });
  }

  async refreshHistory() {
    const key = this.getKey();

    this._historyError = null;

    if (!key) {
      this._versions = [];
      this._render();
      return;
    }

    try {
      const versions = await api.versions(key);

      this._versions = (Array.isArray(versions) ? versions : []).slice().sort((a, b) => b.version - a.version);
    } catch (err) {
      this._versions = [];
      this._historyError = err.status === 404 ? null : err;
    }

    this._render();
  }

  /** Replaces the diagram with a deployed version (the current one stays as draft). */
  async openVersion(version) {
    if (!await this._confirmLeave()) {
      return;
    }

    try {
      const xml = await api.definitionXml(version.id);

      await this._drafts.withoutAutosave(() => this._import(xml));
      this._commandStack.clear();
      this._loaded = version;
      this._notifications.show(`已打开第 ${ version.version } 版`, 'success');
    } catch (err) {
      this._notifications.error(err, '无法打开该版本');
    }
  }

  /**
   * Diff of two versions, or of a version and the diagram (`to` omitted). The newer
   * side is what the canvas shows: added and changed elements are coloured.
   */
  async compare(from, to) {
    try {
      const moddle = this._bpmnjs.get('moddle');

      const fromXml = await api.definitionXml(from.id);
      let toXml;

      if (to) {
        if (!await this._confirmLeave()) {
          return;
        }

        toXml = await api.definitionXml(to.id);
        await this._drafts.withoutAutosave(() => this._import(toXml));
        this._commandStack.clear();
        this._loaded = to;
      } else {
        toXml = (await this._bpmnjs.saveXML()).xml;
      }

      const [ before, after ] = await Promise.all([ moddle.fromXML(fromXml), moddle.fromXML(toXml) ]);

      const diff = diffDefinitions(before.rootElement, after.rootElement);

      this._diff = { ...diff, from, to };
      this._showDiff(diff);
      this._render();
    } catch (err) {
      this._notifications.error(err, '比较失败');
    }
  }

  clearDiff() {
    this._diff = null;
    this._highlighter.clear();
    this._render();
  }

  _showDiff(diff) {
    this._highlighter.clear();
    this._highlighter.mark(diff.added.map(e => e.id), 'dz-diff-added');
    this._highlighter.mark(diff.changed.map(e => e.id), 'dz-diff-changed');
    diff.added.forEach(e => this._highlighter.badge(e.id, '新', 'dz-badge-added', '新增'));
    diff.changed.forEach(e => this._highlighter.badge(e.id, '改', 'dz-badge-changed', e.properties.map(propertyName).join('、')));
  }

  async _import(xml) {
    const result = await this._bpmnjs.importXML(xml);

    if (result.warnings && result.warnings.length) {
      console.warn('[designer] import warnings', result.warnings);
      this._notifications.show(`导入时有 ${ result.warnings.length } 个警告（详见浏览器控制台）`, 'warning');
    }

    return result;
  }

  async _confirmLeave() {
    if (!this._dirty) {
      return true;
    }

    // the edits are in the autosaved draft, but say so before replacing them
    return this._confirmDialog.ask({
      title: '替换当前图',
      lines: [ '当前图有未发布的修改（已自动保存为草稿，可在“版本”中恢复）。', '确定要用所选版本替换画布上的图吗？' ],
      confirm: '替换',
      cancel: '取消'
    });
  }

  _rememberKeyInUrl(key) {
    try {
      const url = new URL(window.location.href);

      url.searchParams.set('key', key);
      window.history.replaceState(null, '', url);
    } catch (err) {
      // not in a browser page
    }
  }

  _toggleSelected(version, checked) {
    this._selected = this._selected.filter(v => v.id !== version.id);

    if (checked) {
      this._selected.push(version);
    }

    this._selected = this._selected.slice(-2);
    this._render();
  }

  _render() {
    const definitions = this._bpmnjs.getDefinitions();
    const key = this.getKey();

    replaceChildren(this._body,
      h('h3', {}, '当前流程'),
      h('dl', { class: 'dz-facts' },
        h('dt', {}, '流程编号'), h('dd', {}, key || '（未设置）'),
        h('dt', {}, '名称'), h('dd', {}, processName(definitions) || '（未命名）'),
        this._loaded ? [ h('dt', {}, '打开的版本'), h('dd', {}, `第 ${ this._loaded.version } 版`) ] : null,
        h('dt', {}, '草稿'), h('dd', {}, this._lastSaved ? `${ formatTime(this._lastSaved) } 自动保存` : '修改后自动保存在本机')),
      this._pendingDraft ? h('div', { class: 'dz-banner' },
        h('p', {}, `有 ${ formatTime(this._pendingDraft.savedAt) } 自动保存、尚未发布的草稿。`),
        h('button', { type: 'button', class: 'dz-button dz-primary', onclick: () => this.restoreDraft() }, '恢复草稿'),
        h('button', { type: 'button', class: 'dz-button', onclick: () => this.discardDraft() }, '丢弃草稿')) : null,
      h('div', { class: 'dz-toolbar-row' },
        h('button', {
          type: 'button',
          class: 'dz-button dz-primary',
          disabled: this._publishing,
          onclick: () => this.publish()
        }, this._publishing ? '正在发布…' : '发布为新版本'),
        h('button', { type: 'button', class: 'dz-button', onclick: () => this.saveDraft() }, '保存草稿')),
      this._published ? h('p', { class: 'dz-ok' },
        `已发布：${ processName(definitions) || this._published.key || key } 第 ${ this._published.version } 版`) : null,
      h('h3', {}, '版本历史',
        h('button', { type: 'button', class: 'dz-link-button', onclick: () => this.refreshHistory() }, '刷新')),
      this._renderHistory(),
      this._renderDiff()
    );
  }

  _renderHistory() {
    if (this._historyError) {
      return h('p', { class: 'dz-warn' }, `无法加载版本历史：${ this._historyError.message }`);
    }

    if (!this._versions.length) {
      return h('p', { class: 'dz-muted' }, '还没有发布过的版本');
    }

    const selectedIds = this._selected.map(v => v.id);
    const [ a, b ] = this._selected.slice().sort((x, y) => x.version - y.version);

    return h('div', {},
      h('table', { class: 'dz-table' },
        h('thead', {}, h('tr', {},
          h('th', { title: '选两个版本比较' }, '选'),
          h('th', {}, '版本'), h('th', {}, '发布时间'), h('th', {}, '发布人'), h('th', { title: '仍按这个版本办理中的事项' }, '在办'), h('th', {}, ''))),
        h('tbody', {}, this._versions.map(version => h('tr', {},
          h('td', {}, h('input', {
            type: 'checkbox',
            'aria-label': `选择第 ${ version.version } 版`,
            checked: selectedIds.includes(version.id),
            onchange: (e) => this._toggleSelected(version, e.target.checked)
          })),
          h('td', {}, `第 ${ version.version } 版`),
          h('td', {}, formatTime(version.deployedAt)),
          h('td', {}, version.deployedByName || version.deployedBy || '—'),
          h('td', { title: '仍按这个版本办理中的事项' }, String(version.running || 0)),
          h('td', { class: 'dz-actions' },
            h('button', { type: 'button', class: 'dz-link-button', onclick: () => this.openVersion(version) }, '打开'),
            h('button', {
              type: 'button',
              class: 'dz-link-button',
              title: '这个版本与画布上的图相比有哪些变化',
              onclick: () => this.compare(version)
            }, '与当前比较')))))),
      h('div', { class: 'dz-toolbar-row' },
        h('button', {
          type: 'button',
          class: 'dz-button',
          disabled: this._selected.length !== 2,
          onclick: () => this.compare(a, b)
        }, this._selected.length === 2 ? `比较 第 ${ a.version } 版 → 第 ${ b.version } 版` : '勾选两个版本以比较')));
  }

  _renderDiff() {
    const diff = this._diff;

    if (!diff) {
      return null;
    }

    const heading = diff.to ? `第 ${ diff.from.version } 版 → 第 ${ diff.to.version } 版` : `第 ${ diff.from.version } 版 → 当前图`;

    // a person knows a step by its name, the designer also by its id: both, the id set apart
    const title = (entry) => [
      h('span', { class: 'dz-diff-name' }, entry.label || entry.id),
      ' ',
      h('span', { class: 'dz-muted' }, TYPE_NAMES[entry.type] || '元素'),
      ' ',
      h('code', { class: 'dz-element-id', title: '元素编号' }, entry.id)
    ];

    const item = (entry, kind) => h('li', { class: `dz-diff-item dz-diff-${ kind }`, 'data-element-id': entry.id },
      kind === 'removed'
        ? h('span', { class: 'dz-diff-title' }, title(entry))
        : h('a', { href: '#', class: 'dz-diff-title', onclick: (e) => { e.preventDefault(); reveal(this._injector, entry.id); } }, title(entry)),
      kind === 'changed' ? h('ul', { class: 'dz-diff-changes' }, entry.changes.map(change => h('li', {},
        h('span', { class: 'dz-diff-property' }, `${ propertyName(change.property) }：`),
        h('span', { class: 'dz-diff-before', title: change.before }, shorten(change.before) || '（无）'),
        ' → ',
        h('span', { class: 'dz-diff-after', title: change.after }, shorten(change.after) || '（无）')))) : null);

    return h('div', { class: 'dz-diff' },
      h('h3', {}, `差异：${ heading }`,
        h('button', { type: 'button', class: 'dz-link-button', onclick: () => this.clearDiff() }, '清除标记')),
      isEmptyDiff(diff) ? h('p', { class: 'dz-ok' }, '没有差异') : [
        h('p', {},
          h('span', { class: 'dz-legend dz-legend-added' }, `新增 ${ diff.added.length }`),
          h('span', { class: 'dz-legend dz-legend-changed' }, `修改 ${ diff.changed.length }`),
          h('span', { class: 'dz-legend dz-legend-removed' }, `删除 ${ diff.removed.length }`)),
        diff.added.length ? [ h('h4', {}, '新增'), h('ul', { class: 'dz-diff-list' }, diff.added.map(e => item(e, 'added'))) ] : null,
        diff.changed.length ? [ h('h4', {}, '修改'), h('ul', { class: 'dz-diff-list' }, diff.changed.map(e => item(e, 'changed'))) ] : null,
        diff.removed.length ? [
          h('h4', {}, '删除'),
          h('p', { class: 'dz-muted' }, '删除的元素不在画布上，只在此列出。'),
          h('ul', { class: 'dz-diff-list' }, diff.removed.map(e => item(e, 'removed')))
        ] : null
      ]);
  }
}

VersionsPanel.$inject = [
  'eventBus',
  'bpmnjs',
  'sidePanels',
  'drafts',
  'validationPanel',
  'serverValidation',
  'commandStack',
  'injector',
  'notifications',
  'confirmDialog'
];

/** A long value (a script, a whole form) cut to what fits a line; the full text is its tooltip. */
function shorten(text, length = 60) {
  return text && text.length > length ? text.slice(0, length) + '…' : text;
}
