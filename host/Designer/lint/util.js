/**
 * Reads a camunda: attribute whether or not the camunda moddle extension is loaded
 * (with it, a typed property; without it, an unknown attribute in $attrs).
 */
function camundaAttr(node, name) {
  const value = node.get ? safeGet(node, 'camunda:' + name) : undefined;

  if (value !== undefined && value !== null) {
    return value;
  }

  const attrs = node.$attrs || {};

  return attrs['camunda:' + name];
}

function safeGet(node, name) {
  try {
    return node.get(name);
  } catch (e) {
    return undefined;
  }
}

module.exports = { camundaAttr };
