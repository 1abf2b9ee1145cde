const PROPERTIES = [ 'value', 'checked', 'selected', 'disabled' ];

/**
 * h('button', { class: 'x', onclick: fn }, '文本', child...) → HTMLElement.
 * Strings become text nodes (never HTML), null/false children are skipped.
 */
export function h(tag, attrs, ...children) {
  const element = document.createElement(tag);

  Object.entries(attrs || {}).forEach(([ name, value ]) => {
    if (value === null || value === undefined || value === false) {
      return;
    }

    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (PROPERTIES.includes(name) || (name in element && typeof value !== 'string')) {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  });

  append(element, children);

  return element;
}

function append(element, children) {
  children.forEach(child => {
    if (child === null || child === undefined || child === false) {
      return;
    }

    if (Array.isArray(child)) {
      append(element, child);
    } else if (child instanceof Node) {
      element.appendChild(child);
    } else {
      element.appendChild(document.createTextNode(String(child)));
    }
  });
}

/** Replaces every child of `element` with `children`. */
export function replaceChildren(element, ...children) {
  element.textContent = '';
  append(element, children);
}

/** A small count badge for canvas overlays. */
export function badge(text, className) {
  return h('div', { class: 'dz-badge ' + (className || '') }, String(text));
}

/** Formats an ISO date as 2026-01-31 14:05 in the browser's zone. */
export function formatTime(value) {
  if (!value) {
    return '';
  }

  const date = new Date(value);

  if (isNaN(date.getTime())) {
    return String(value);
  }

  const pad = n => String(n).padStart(2, '0');

  return `${ date.getFullYear() }-${ pad(date.getMonth() + 1) }-${ pad(date.getDate()) } ${ pad(date.getHours()) }:${ pad(date.getMinutes()) }`;
}
