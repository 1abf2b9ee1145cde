/**
 * Puts a user task in the palette. Almost every change the leading-group office
 * makes is another department's review step; without this entry it takes a task
 * from the palette and a trip through the replace menu.
 */
export default class UserTaskPalette {

  constructor(palette, create, elementFactory, translate) {
    this._create = create;
    this._elementFactory = elementFactory;
    this._translate = translate;

    palette.registerProvider(this);
  }

  getPaletteEntries() {
    const start = (event) => {
      this._create.start(event, this._elementFactory.createShape({ type: 'bpmn:UserTask' }));
    };

    return {
      'create.user-task': {
        group: 'activity',
        className: 'bpmn-icon-user-task',
        title: this._translate('Create user task'),
        action: { dragstart: start, click: start }
      }
    };
  }
}

UserTaskPalette.$inject = [ 'palette', 'create', 'elementFactory', 'translate' ];
