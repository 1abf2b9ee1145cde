import UserTaskPalette from './UserTaskPalette';

/** Palette entries of our own: 'create.user-task'. */
export default {
  __init__: [ 'userTaskPalette' ],
  userTaskPalette: [ 'type', UserTaskPalette ]
};
