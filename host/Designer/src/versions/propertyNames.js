/** Chinese names of what a diff found changed; the property name otherwise. */
const NAMES = {
  '$type': '元素类型',
  'bpmn:name': '名称',
  'bpmn:documentation': '文档',
  'bpmn:extensionElements': '扩展设置（监听器、输入输出、属性）',
  'bpmn:incoming': '入口连线',
  'bpmn:outgoing': '出口连线',
  'bpmn:sourceRef': '起点',
  'bpmn:targetRef': '终点',
  'bpmn:conditionExpression': '条件',
  'bpmn:default': '默认路径',
  'bpmn:eventDefinitions': '事件定义',
  'bpmn:loopCharacteristics': '多实例设置',
  'bpmn:attachedToRef': '附着的活动',
  'bpmn:cancelActivity': '是否中断',
  'bpmn:calledElement': '被调用流程',
  'bpmn:flowNodeRef': '泳道中的节点',
  'bpmn:isExecutable': '可执行',
  'bpmn:processRef': '流程引用',
  'bpmn:errorCode': '错误代码',
  'camunda:assignee': '处理人',
  'camunda:candidateGroups': '候选组',
  'camunda:candidateUsers': '候选用户',
  'camunda:dueDate': '到期时间',
  'camunda:followUpDate': '跟进时间',
  'camunda:priority': '优先级',
  'camunda:formKey': '表单',
  'camunda:type': '实现类型',
  'camunda:topic': '主题',
  'camunda:asyncBefore': '之前异步',
  'camunda:asyncAfter': '之后异步',
  'camunda:modelerTemplate': '元素模板',
  'camunda:modelerTemplateVersion': '模板版本',
  'camunda:versionTag': '版本标签'
};

export function propertyName(key) {
  return NAMES[key] || key.replace(/^bpmn:/, '');
}
