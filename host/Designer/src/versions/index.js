import ShellModule from '../shell';
import LintOverlayModule from '../lint-overlay';

import Drafts from './Drafts';
import VersionsPanel from './VersionsPanel';

/**
 * The "版本" tab: the draft autosaved in localStorage, publish as a new version
 * (POST /api/definitions), the version history (GET /api/definitions?key=) and a
 * diff of two versions (or a version and the diagram) coloured on the canvas.
 */
export default {
  __depends__: [ ShellModule, LintOverlayModule ],
  __init__: [ 'drafts', 'versionsPanel' ],
  drafts: [ 'type', Drafts ],
  versionsPanel: [ 'type', VersionsPanel ]
};
