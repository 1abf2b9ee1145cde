/**
 * A semantic diff of two BPMN documents, by element id, over their moddle trees.
 *
 * Tracked elements (flow elements, root elements, participants, message flows, lanes,
 * artifacts) are compared one by one: each is reduced to a fingerprint of its own
 * attributes, references (as ids) and inline children (condition, event definitions...).
 * Extension elements count one by one kind (form fields, listeners, input/output), so
 * the diff can say 表单字段 rather than "extension elements". Tracked children are
 * compared on their own, so moving a task into another lane changes the lane, not the
 * task. Layout (BPMN DI) is ignored. A change carries readable before/after values.
 *
 * No imports: runs in the browser and under node's test runner alike.
 */

const IGNORED = new Set([ 'diagrams', 'exporter', 'exporterVersion', 'di' ]);

/** Prefix of the keys of extension elements by kind: 'extension:camunda:FormData'. */
export const EXTENSION = 'extension:';

/**
 * @param {ModdleElement} element
 *
 * @return {boolean} whether the diff lists this element by itself
 */
export function isTracked(element) {
  if (!element || !element.id || typeof element.$instanceOf !== 'function') {
    return false;
  }

  // event definitions are root elements in BPMN, but part of their event's meaning here
  if (element.$instanceOf('bpmn:EventDefinition')) {
    return false;
  }

  return [
    'bpmn:FlowElement',
    'bpmn:RootElement',
    'bpmn:Participant',
    'bpmn:MessageFlow',
    'bpmn:Lane',
    'bpmn:LaneSet',
    'bpmn:Artifact'
  ].some(type => element.$instanceOf(type));
}

/**
 * Every tracked element of a definitions tree, by id.
 *
 * @param {ModdleElement} definitions
 *
 * @return {Map<string, ModdleElement>}
 */
export function collectTracked(definitions) {
  const found = new Map();
  const seen = new Set();

  function walk(element) {
    if (!element || typeof element !== 'object' || seen.has(element)) {
      return;
    }

    seen.add(element);

    if (isTracked(element)) {
      found.set(element.id, element);
    }

    eachProperty(element, (property, value) => {
      if (property.isReference || IGNORED.has(property.name)) {
        return;
      }

      (Array.isArray(value) ? value : [ value ]).forEach(child => {
        if (child && typeof child === 'object' && child.$type) {
          walk(child);
        }
      });
    });
  }

  walk(definitions);

  return found;
}

/**
 * The comparable content of one element: attributes, references as ids, inline
 * (untracked) children as nested fingerprints; tracked children are left out.
 *
 * @param {ModdleElement} element
 * @param {boolean} [inline] an inline child: its generated id does not matter
 *
 * @return {Object}
 */
export function fingerprint(element, inline = false) {
  const result = { $type: element.$type };

  eachProperty(element, (property, value) => {
    const name = property.ns ? property.ns.name : property.name;

    // the generated id of an inline BPMN child (a condition, a timer) is noise; a form field's camunda:id is its variable
    if (IGNORED.has(property.name) || (inline && name === 'bpmn:id')) {
      return;
    }

    if (property.isReference) {
      result[name] = Array.isArray(value) ? value.map(refId) : refId(value);
      return;
    }

    if (name === 'bpmn:extensionElements' && !inline) {
      (value.values || []).forEach(child => {
        const key = EXTENSION + child.$type;

        (result[key] = result[key] || []).push(child.$type ? fingerprint(child, true) : child);
      });

      return;
    }

    if (Array.isArray(value)) {
      const inlineChildren = value
        .filter(child => !(child && child.$type && isTracked(child)))
        .map(child => (child && child.$type) ? fingerprint(child, true) : child);

      if (inlineChildren.length) {
        result[name] = inlineChildren;
      }

      return;
    }

    if (value && typeof value === 'object' && value.$type) {
      if (!isTracked(value)) {
        result[name] = fingerprint(value, true);
      }

      return;
    }

    result[name] = value;
  });

  Object.entries(element.$attrs || {})
    .filter(([ name ]) => !name.startsWith('xmlns'))
    .forEach(([ name, value ]) => {
      result['@' + name] = value;
    });

  return result;
}

/**
 * @param {ModdleElement} before definitions
 * @param {ModdleElement} after definitions
 *
 * @return {{ added: Entry[], removed: Entry[], changed: Entry[] }}
 *   Entry: { id, type, name, label, properties?: string[], changes?: Change[] }
 *   (label: the name, or for an unnamed flow its two ends; properties: what changed)
 *   Change: { property, before, after } with before/after as text a person reads
 */
export function diffDefinitions(before, after) {
  const old = collectTracked(before);
  const now = collectTracked(after);

  const added = [];
  const removed = [];
  const changed = [];

  // references are kept as ids: a change names the elements referred to, in the version each side comes from
  const labelsBefore = labelsOf(old);
  const labelsAfter = labelsOf(now);

  now.forEach((element, id) => {
    if (!old.has(id)) {
      added.push(entry(element));
      return;
    }

    const before = fingerprint(old.get(id));
    const after = fingerprint(element);
    const properties = differentKeys(before, after);

    if (properties.length) {
      const changes = properties.map(property => ({
        property,
        before: describe(before[property], labelsBefore),
        after: describe(after[property], labelsAfter)
      }));

      changed.push({ ...entry(element), properties, changes });
    }
  });

  old.forEach((element, id) => {
    if (!now.has(id)) {
      removed.push(entry(element));
    }
  });

  return { added, removed, changed };
}

/** True when nothing differs. */
export function isEmptyDiff(diff) {
  return !diff.added.length && !diff.removed.length && !diff.changed.length;
}

/** A canonical JSON string of a value: object keys sorted. */
export function canonical(value) {
  return JSON.stringify(sortKeys(value));
}

function differentKeys(a, b) {
  const keys = new Set([ ...Object.keys(a), ...Object.keys(b) ]);

  return [ ...keys ].filter(key => canonical(a[key]) !== canonical(b[key])).sort();
}

function entry(element) {
  const name = element.name || '';
  const ends = element.sourceRef && element.targetRef
    ? `从“${ element.sourceRef.name || element.sourceRef.id }”到“${ element.targetRef.name || element.targetRef.id }”`
    : '';

  return { id: element.id, type: element.$type, name, label: name || ends };
}

function labelsOf(tracked) {
  const labels = new Map();

  tracked.forEach((element, id) => labels.set(id, entry(element).label || id));

  return labels;
}

/**
 * A fingerprint value as a person reads it: an expression by its text, a form field by
 * its label, a referred element by its name, a list joined with 、; '' for nothing.
 *
 * @param {*} value
 * @param {Map<string, string>} [labels] element id → label, for references
 */
export function describe(value, labels = new Map()) {
  if (value === undefined || value === null || value === '') {
    return '';
  }

  if (Array.isArray(value)) {
    return value.map(v => describe(v, labels)).filter(Boolean).join('、');
  }

  if (typeof value !== 'object') {
    return labels.get(value) || String(value);
  }

  if (typeof value['bpmn:body'] === 'string') {
    return value['bpmn:body'];
  }

  // a form (camunda:formData) by its fields, a field by its label and kind of input
  if (value['camunda:fields']) {
    return describe(value['camunda:fields'], labels);
  }

  if (value.$type === 'camunda:FormField') {
    const choices = value['camunda:values'] ? `：${ describe(value['camunda:values'], labels) }` : '';

    return `${ value['camunda:label'] || value['camunda:id'] || '' }${ choices }`;
  }

  const own = value['camunda:label'] || value['camunda:name'] || value['bpmn:name'] || value['camunda:id'];

  if (own) {
    return String(own);
  }

  // an event definition or other wrapper: what it holds (a timer's duration, a condition)
  return Object.keys(value)
    .filter(key => key !== '$type' && !key.startsWith('@'))
    .sort()
    .map(key => describe(value[key], labels))
    .filter(Boolean)
    .join('；');
}

function refId(value) {
  return value && typeof value === 'object' ? value.id : value;
}

function eachProperty(element, fn) {
  const descriptor = element.$descriptor;

  if (!descriptor || !descriptor.properties) {
    return;
  }

  descriptor.properties.forEach(property => {
    const name = property.ns ? property.ns.name : property.name;

    let value;

    try {
      value = element.get(name);
    } catch (e) {
      value = element[property.name];
    }

    if (value === undefined || value === null || (Array.isArray(value) && !value.length)) {
      return;
    }

    // defaults (isExecutable false etc.) are not written unless set, so compare only what is set
    if (!property.isMany && !Object.prototype.hasOwnProperty.call(element, property.name) && value === property.default) {
      return;
    }

    fn(property, value);
  });
}

function sortKeys(value) {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }

  if (value && typeof value === 'object') {
    return Object.keys(value).sort().reduce((sorted, key) => {
      sorted[key] = sortKeys(value[key]);
      return sorted;
    }, {});
  }

  return value;
}
