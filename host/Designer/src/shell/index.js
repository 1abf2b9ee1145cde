import SidePanels from './SidePanels';
import Notifications from './Notifications';

/**
 * The page around the canvas: tabbed side panels that other modules add to,
 * and a status line for short messages.
 */
export default {
  __init__: [ 'sidePanels', 'notifications' ],
  sidePanels: [ 'type', SidePanels ],
  notifications: [ 'type', Notifications ]
};
