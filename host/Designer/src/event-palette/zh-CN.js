/**
 * zh-CN texts of the event palette and of the properties-panel fields of the
 * elements it offers (signal, escalation, conditional, link, compensation,
 * script task) that the designer's general dictionary does not have yet.
 */
export default {
  'Create script task': '创建脚本任务',
  'Create signal start event': '创建信号开始事件',
  'Create signal intermediate catch event': '创建信号中间捕获事件',
  'Create signal intermediate throw event': '创建信号中间抛出事件',
  'Create signal end event': '创建信号结束事件',
  'Create escalation intermediate throw event': '创建升级中间抛出事件',
  'Create escalation end event': '创建升级结束事件',
  'Create conditional intermediate catch event': '创建条件中间捕获事件',
  'Create link intermediate throw event': '创建链接中间抛出事件',
  'Create link intermediate catch event': '创建链接中间捕获事件',
  'Create compensation intermediate throw event': '创建补偿中间抛出事件',
  'Create compensation end event': '创建补偿结束事件',
  'Create event sub-process': '创建事件子流程',
  'Create transaction': '创建事务子流程',

  // properties panel fields of these elements
  'Wait for completion': '等待补偿完成',
  'Activity reference': '补偿的活动',
  'Variable name': '变量名',
  'Variable events': '变量事件',
  'Script format': '脚本格式',
  'Escalation code': '升级代码',
  'Escalation reference': '升级引用',
  'Signal reference': '信号引用',
  'Link name': '链接名称',
  'Interrupting': '中断',
  'Error code variable': '错误代码变量',
  'Escalation code variable': '升级代码变量'
};
