import { api } from '../api';
import { h, replaceChildren } from '../util/dom';
import { labelOf, reveal } from '../util/elements';
import Highlighter from '../util/Highlighter';
import { allFlowElements, caughtErrorCodes } from '../util/model';
import { sampleStartVariables } from './sampleVariables';

import {
  OUTCOMES,
  buildRequest,
  defaultServiceChoice,
  defaultTaskChoice
} from './answers';

export default class SimulationPanel {

  constructor(eventBus, bpmnjs, sidePanels, elementRegistry, injector, notifications) {
    this._bpmnjs = bpmnjs;
    this._sidePanels = sidePanels;
    this._elementRegistry = elementRegistry;
    this._injector = injector;
    this._notifications = notifications;
    this._highlighter = new Highlighter(injector, 'dz-simulation');

    this._tasks = {};
    this._services = {};
    this._startVars = '';
    this._withCalled = true;
    this._result = null;
    this._running = false;
    this._signature = '';

    this._body = sidePanels.add('simulation', '模拟', 30);

    eventBus.on('import.done', () => {
      this._tasks = {};
      this._services = {};
      // a run that works as it stands: the flow's start form and the case facts with sample values, edited before running
      const sample = sampleStartVariables(bpmnjs.getDefinitions());
      this._startVars = Object.keys(sample).length ? JSON.stringify(sample, null, 1) : '';
      this.clear();
      this._render(true);
    });

    // the tasks of the diagram changed: rebuild the form, keep earlier choices
    eventBus.on('commandStack.changed', () => {
      this._render(false);
    });

    eventBus.on('sidePanels.shown', ({ id }) => {
      if (id === 'simulation') {
        this._render(true);
      }
    });

    eventBus.on('editorActions.init', ({ editorActions }) => {
      editorActions.register('designer.simulate', () => {
        sidePanels.show('simulation');
        this.run();
      });
    });
  }

  /** Runs the simulation with the current choices and shows the result. */
  async run() {
    if (this._running) {
      return;
    }

    this._running = true;
    this._render(true);

    try {
      const { xml } = await this._bpmnjs.saveXML({ format: false });
      const others = this._withCalled ? await this._calledProcesses() : [];

      const request = buildRequest({
        xml,
        with: others,
        startVars: this._startVars,
        tasks: this._tasks,
        services: this._services
      });

      const result = await api.simulate(request);

      this.show(result);
    } catch (err) {
      const errors = err.errors || [];

      if (errors.length) {
        this._injector.get('serverValidation').show(errors);
        this._sidePanels.show('validation');
      }

      this._notifications.error(err, '模拟失败');
    } finally {
      this._running = false;
      this._render(true);
    }
  }

  /** Draws a simulation result ({ completed, counters, waiting, incidents, trace }). */
  show(result) {
    this.clear();

    this._result = result;

    const counters = result.counters || {};
    const waiting = result.waiting || [];
    const incidents = result.incidents || [];

    const completedIds = Object.keys(counters).filter(id => counters[id] > 0);

    this._highlighter.mark(completedIds, 'dz-completed');
    this._highlighter.mark(waiting, 'dz-waiting');
    this._highlighter.mark(incidents.map(i => i.element || i.elementId).filter(Boolean), 'dz-incident');
    this._highlighter.markFlowsBetween(new Set([ ...completedIds, ...waiting ]), 'dz-path');

    completedIds.forEach(id => this._highlighter.badge(id, counters[id], 'dz-badge-completed', `完成 ${ counters[id] } 次`));
    waiting.forEach(id => this._highlighter.badge(id, '等待', 'dz-badge-waiting', '停在这里等待'));
  }

  clear() {
    this._result = null;
    this._highlighter.clear();
  }

  async _calledProcesses() {
    const definitions = this._bpmnjs.getDefinitions();

    const keys = [ ...new Set(allFlowElements(definitions)
      .filter(element => element.$instanceOf('bpmn:CallActivity') && element.calledElement && !/[$#]\{/.test(element.calledElement))
      .map(element => element.calledElement)) ];

    const own = new Set(((definitions && definitions.rootElements) || []).map(root => root.id));

    const xmls = [];

    for (const key of keys.filter(k => !own.has(k))) {
      try {
        xmls.push(await api.latestXml(key));
      } catch (err) {
        this._notifications.show(`无法加载被调用的流程 ${ key }：${ err.message }`, 'warning');
      }
    }

    return xmls;
  }

  _elements() {
    const definitions = this._bpmnjs.getDefinitions();

    const elements = allFlowElements(definitions);

    return {
      definitions,
      userTasks: elements.filter(e => e.$instanceOf('bpmn:UserTask')),
      serviceTasks: elements.filter(e => e.$instanceOf('bpmn:ServiceTask') || e.$instanceOf('bpmn:SendTask') || e.$instanceOf('bpmn:BusinessRuleTask'))
    };
  }

  _render(force) {
    const { definitions, userTasks, serviceTasks } = this._elements();

    const signature = [ ...userTasks, ...serviceTasks ].map(e => `${ e.id }:${ e.name || '' }`).join('|');

    if (!force && signature === this._signature) {
      return;
    }

    this._signature = signature;

    userTasks.forEach(task => {
      this._tasks[task.id] = this._tasks[task.id] || defaultTaskChoice();
    });

    serviceTasks.forEach(task => {
      this._services[task.id] = this._services[task.id] || defaultServiceChoice();
    });

    // forget choices of deleted tasks
    Object.keys(this._tasks).filter(id => !userTasks.some(t => t.id === id)).forEach(id => delete this._tasks[id]);
    Object.keys(this._services).filter(id => !serviceTasks.some(t => t.id === id)).forEach(id => delete this._services[id]);

    replaceChildren(this._body,
      h('div', { class: 'dz-toolbar-row' },
        h('button', {
          type: 'button',
          class: 'dz-button dz-primary',
          disabled: this._running,
          onclick: () => this.run()
        }, this._running ? '正在模拟…' : '运行模拟'),
        h('button', { type: 'button', class: 'dz-button', onclick: () => { this.clear(); this._render(true); } }, '清除结果')),
      this._renderResult(),
      h('h3', {}, `用户任务（${ userTasks.length }）`),
      h('p', { class: 'dz-hint' }, '每个任务的回答按顺序使用，最后一条重复使用；选“不处理”则任务保持等待，其定时器会触发。'),
      userTasks.length ? userTasks.map(task => this._renderTask(task)) : h('p', { class: 'dz-muted' }, '没有用户任务'),
      h('h3', {}, `服务任务（${ serviceTasks.length }）`),
      serviceTasks.length ? serviceTasks.map(task => this._renderService(definitions, task)) : h('p', { class: 'dz-muted' }, '没有服务任务'),
      h('h3', {}, '启动'),
      h('label', { class: 'dz-field' },
        h('span', {}, '启动变量（JSON）'),
        h('textarea', {
          rows: 8,
          placeholder: '{"associationName": "临沂市罗庄区陶瓷行业协会"}',
          value: this._startVars,
          oninput: (e) => { this._startVars = e.target.value; }
        })),
      h('label', { class: 'dz-check' },
        h('input', {
          type: 'checkbox',
          checked: this._withCalled,
          onchange: (e) => { this._withCalled = e.target.checked; }
        }),
        '同时加载被调用流程的最新版本')
    );
  }

  _renderTask(task) {
    const choice = this._tasks[task.id];

    const rerender = () => this._render(true);

    return h('div', { class: 'dz-sim-item' },
      h('div', { class: 'dz-sim-title' },
        h('a', { href: '#', onclick: (e) => { e.preventDefault(); reveal(this._injector, task.id); } }, task.name || task.id),
        h('label', { class: 'dz-check' },
          h('input', { type: 'checkbox', checked: choice.wait, onchange: (e) => { choice.wait = e.target.checked; rerender(); } }),
          '不处理')),
      choice.wait ? null : h('div', {},
        choice.rows.map((row, index) => h('div', { class: 'dz-sim-row' },
          h('select', {
            'aria-label': '结果',
            onchange: (e) => { row.outcome = e.target.value; rerender(); }
          }, OUTCOMES.map(o => h('option', { value: o.value, selected: row.outcome === o.value }, o.label))),
          row.outcome === 'custom' ? h('input', {
            type: 'text',
            class: 'dz-outcome',
            placeholder: '结果代码',
            value: row.custom,
            oninput: (e) => { row.custom = e.target.value; }
          }) : null,
          h('label', { class: 'dz-times' }, '×', h('input', {
            type: 'number',
            min: 1,
            max: 100,
            value: row.times,
            'aria-label': '次数',
            oninput: (e) => { row.times = e.target.value; }
          })),
          h('input', {
            type: 'text',
            class: 'dz-vars',
            placeholder: '变量 JSON（可选）',
            value: row.vars,
            oninput: (e) => { row.vars = e.target.value; }
          }),
          choice.rows.length > 1 ? h('button', {
            type: 'button',
            class: 'dz-icon-button',
            title: '删除这条',
            onclick: () => { choice.rows.splice(index, 1); rerender(); }
          }, '×') : null)),
        h('button', {
          type: 'button',
          class: 'dz-link-button',
          onclick: () => { choice.rows.push({ outcome: 'approve', custom: '', times: 1, vars: '' }); rerender(); }
        }, '+ 再加一次回答'))
    );
  }

  _renderService(definitions, task) {
    const choice = this._services[task.id];
    const listId = `dz-errors-${ task.id }`;

    return h('div', { class: 'dz-sim-item' },
      h('div', { class: 'dz-sim-title' },
        h('a', { href: '#', onclick: (e) => { e.preventDefault(); reveal(this._injector, task.id); } }, task.name || task.id)),
      h('div', { class: 'dz-sim-row' },
        h('select', {
          'aria-label': '服务结果',
          onchange: (e) => { choice.mode = e.target.value; this._render(true); }
        },
        h('option', { value: 'complete', selected: choice.mode === 'complete' }, '正常完成'),
        h('option', { value: 'error', selected: choice.mode === 'error' }, '抛出错误')),
        choice.mode === 'error'
          ? [
            h('input', {
              type: 'text',
              list: listId,
              placeholder: '错误代码',
              value: choice.error,
              oninput: (e) => { choice.error = e.target.value; }
            }),
            h('datalist', { id: listId }, caughtErrorCodes(definitions, task.id).map(code => h('option', { value: code })))
          ]
          : h('input', {
            type: 'text',
            class: 'dz-vars',
            placeholder: '返回变量 JSON（可选）',
            value: choice.vars,
            oninput: (e) => { choice.vars = e.target.value; }
          })));
  }

  _renderResult() {
    const result = this._result;

    if (!result) {
      return null;
    }

    const counters = result.counters || {};
    const waiting = result.waiting || [];
    const incidents = result.incidents || [];
    const trace = result.trace || [];

    const link = (id) => h('a', { href: '#', onclick: (e) => { e.preventDefault(); reveal(this._injector, id); } }, labelOf(this._elementRegistry, id));

    return h('div', { class: 'dz-sim-result' },
      h('p', { class: result.completed ? 'dz-ok' : 'dz-warn' }, result.completed ? '流程已完成' : '流程未完成'),
      waiting.length ? h('div', {}, h('strong', {}, '等待中：'), h('ul', {}, waiting.map(id => h('li', {}, link(id))))) : null,
      incidents.length ? h('div', { class: 'dz-incidents' }, h('strong', {}, `事故（${ incidents.length }）：`),
        h('ul', {}, incidents.map(incident => h('li', {},
          incident.element || incident.elementId ? link(incident.element || incident.elementId) : null,
          ` ${ incident.message || '' }${ incident.code ? `（${ incident.code }）` : '' }`)))) : null,
      h('details', {},
        h('summary', {}, `执行次数（${ Object.keys(counters).length } 个节点）`),
        h('ul', {}, Object.entries(counters).map(([ id, count ]) => h('li', {}, link(id), ` × ${ count }`)))),
      trace.length ? h('details', {},
        h('summary', {}, `执行轨迹（${ trace.length } 步）`),
        h('ol', { class: 'dz-trace' }, trace.map(step => h('li', {},
          `${ step.at ? step.at.replace('T', ' ').slice(0, 16) + ' ' : '' }${ step.event || '' } `,
          step.element ? link(step.element) : null,
          step.process ? ` [${ step.process }]` : null)))) : null
    );
  }
}

SimulationPanel.$inject = [ 'eventBus', 'bpmnjs', 'sidePanels', 'elementRegistry', 'injector', 'notifications' ];
