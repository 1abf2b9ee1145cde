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

/**
 * The camunda:formData fields of a node as plain objects ({ id, type, values: [{ id, name }] }), or null when the node
 * declares no form.
 */
function formFields(node) {
  const extensions = node.extensionElements && node.extensionElements.values || [];
  const form = extensions.find(e => e.$type === 'camunda:FormData');

  if (!form) {
    return null;
  }

  return (form.fields || []).map(f => ({ id: f.id, type: f.type, values: (f.values || []).map(v => ({ id: v.id, name: v.name })) }));
}

module.exports = { camundaAttr, formFields };
