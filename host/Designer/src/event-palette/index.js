import EventPalette from './EventPalette';

/**
 * Palette entries of the elements the engine runs beyond tasks and gateways
 * ('create.script-task', 'create.signal-*', 'create.escalation-*',
 * 'create.conditional-catch', 'create.link-*', 'create.compensation-*',
 * 'create.event-subprocess', 'create.transaction'); their Chinese labels are in
 * zh-CN.js beside this file.
 */
export default {
  __init__: [ 'eventPalette' ],
  eventPalette: [ 'type', EventPalette ]
};
