/**
 * Entry of the instance viewer (viewer.html?id={instanceId}): the instance's diagram
 * with completed, active and overdue elements, counts and incidents.
 */
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';

import { api } from './api';
import TranslateModule from './translate';
import InstanceViewerModule from './instance-viewer';
import { h, replaceChildren } from './util/dom';

import './styles/viewer.css';

const params = new URLSearchParams(window.location.search);
const instanceId = params.get('id');

const viewer = new NavigatedViewer({
  container: '#canvas',
  additionalModules: [ TranslateModule, InstanceViewerModule ],
  moddleExtensions: { camunda: camundaModdle }
});

const side = document.querySelector('#side');
const status = document.querySelector('#status');

function say(message, kind = 'info') {
  if (status) {
    replaceChildren(status, h('div', { class: `dz-notification dz-${ kind }` }, message));
  }
}

function reveal(elementId) {
  const element = viewer.get('elementRegistry').get(elementId);

  if (element) {
    viewer.get('canvas').scrollToElement(element);
  }
}

function nameOf(elementId) {
  const element = viewer.get('elementRegistry').get(elementId);
  const name = element && element.businessObject && element.businessObject.name;

  // a person reads the step's name; an unnamed element is called by its kind, never by its id; a name the case fills
  // in (领导小组办公室处理：${title}) is read without its placeholder, which only the running task can resolve
  const readable = name && name.replace(/[：:]?\s*\$\{[^}]*\}/g, '').trim();
  return readable || KINDS[element && element.type] || '流程元素';
}

const KINDS = {
  'bpmn:ExclusiveGateway': '排他网关',
  'bpmn:ParallelGateway': '并行网关',
  'bpmn:InclusiveGateway': '包容网关',
  'bpmn:EventBasedGateway': '事件网关',
  'bpmn:StartEvent': '开始事件',
  'bpmn:EndEvent': '结束事件',
  'bpmn:IntermediateCatchEvent': '中间事件',
  'bpmn:IntermediateThrowEvent': '中间事件',
  'bpmn:BoundaryEvent': '边界事件',
  'bpmn:SubProcess': '子流程',
  'bpmn:CallActivity': '调用子流程',
  'bpmn:ServiceTask': '服务任务',
  'bpmn:UserTask': '用户任务',
  'bpmn:SequenceFlow': '连线'
};

function renderSide(state) {
  if (!side) {
    return;
  }

  const link = id => h('a', { href: '#', onclick: (e) => { e.preventDefault(); reveal(id); } }, nameOf(id));
  const completed = state.completed || {};
  const incidents = state.incidents || [];

  replaceChildren(side,
    h('h3', {}, '图例'),
    h('ul', { class: 'dz-legend-list' },
      h('li', {}, h('span', { class: 'dz-swatch dz-swatch-completed' }), '已完成（数字为完成次数）'),
      h('li', {}, h('span', { class: 'dz-swatch dz-swatch-active' }), '进行中'),
      h('li', {}, h('span', { class: 'dz-swatch dz-swatch-overdue' }), '已超期'),
      h('li', {}, h('span', { class: 'dz-swatch dz-swatch-incident' }), '事故')),
    h('h3', {}, `进行中（${ (state.active || []).length }）`),
    (state.active || []).length ? h('ul', {}, state.active.map(id => h('li', {}, link(id),
      (state.overdue || []).includes(id) ? h('span', { class: 'dz-tag dz-tag-overdue' }, '超期') : null))) : h('p', { class: 'dz-muted' }, '无'),
    h('h3', {}, `事故（${ incidents.length }）`),
    incidents.length ? h('ul', { class: 'dz-issues' }, incidents.map(incident => h('li', { class: 'dz-issue dz-error' },
      incident.elementId ? link(incident.elementId) : null, ' ', incident.message || ''))) : h('p', { class: 'dz-muted' }, '无'),
    h('h3', {}, '已完成'),
    Object.keys(completed).length ? h('ul', {}, Object.entries(completed).map(([ id, count ]) => h('li', {}, link(id), ` × ${ count }`))) : h('p', { class: 'dz-muted' }, '无')
  );
}

async function open() {
  if (!instanceId) {
    say('缺少参数：请用 viewer.html?id=实例编号 打开', 'warning');
    return;
  }

  try {
    say('正在加载…');

    const state = await api.instanceDiagram(instanceId);

    await viewer.importXML(state.xml);
    viewer.get('canvas').zoom('fit-viewport', 'auto');
    viewer.get('instanceOverlays').show(state);
    renderSide(state);

    const title = document.querySelector('[data-bind="title"]');

    const process = (viewer.getDefinitions().rootElements || []).find(e => e.$type === 'bpmn:Process');
    const processName = (process && process.name) || '流程实例';

    if (title && state.definitionKey) {
      title.textContent = `${ processName } 第 ${ state.version } 版`;
    }

    say(`已载入：完成 ${ Object.keys(state.completed || {}).length } 个环节，进行中 ${ (state.active || []).length } 个`, 'success');
  } catch (err) {
    say(`无法载入流程图：${ err.message }`, 'error');
  }
}

open();

window.instanceViewer = viewer;
