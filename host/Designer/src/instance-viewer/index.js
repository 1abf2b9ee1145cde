import InstanceOverlays from './InstanceOverlays';

/**
 * Draws an instance's state over its diagram (GET /api/instances/{id}/diagram):
 * completed elements with their counts, active and overdue elements, incidents.
 */
export default {
  instanceOverlays: [ 'type', InstanceOverlays ]
};
