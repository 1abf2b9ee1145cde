import ShellModule from '../shell';

import SimulationPanel from './SimulationPanel';

/**
 * The "模拟" tab: choose answers per user task and service task, run the flow on the
 * server's virtual clock (POST /api/definitions/simulate) and see the path: completed
 * nodes coloured with their counts, waiting nodes marked, incidents listed.
 */
export default {
  __depends__: [ ShellModule ],
  __init__: [ 'simulationPanel' ],
  simulationPanel: [ 'type', SimulationPanel ]
};
