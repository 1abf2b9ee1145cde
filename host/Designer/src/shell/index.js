import SidePanels from './SidePanels';
import Notifications from './Notifications';
import ConfirmDialog from './ConfirmDialog';

/**
 * The page around the canvas: tabbed side panels that other modules add to,
 * a status line for short messages, and an in-page dialog that asks before
 * something that cannot be taken back.
 */
export default {
  __init__: [ 'sidePanels', 'notifications' ],
  sidePanels: [ 'type', SidePanels ],
  notifications: [ 'type', Notifications ],
  confirmDialog: [ 'type', ConfirmDialog ]
};
