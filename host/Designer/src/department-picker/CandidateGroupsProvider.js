import { is } from 'bpmn-js/lib/util/ModelUtil';

import CandidateGroupsEntry from './CandidateGroupsEntry';

const LOW_PRIORITY = 400;

/**
 * Adds the group "候选部门与角色" to user tasks, right after the Camunda
 * "处理人" (user assignment) group.
 */
export default class CandidateGroupsProvider {

  constructor(propertiesPanel, translate) {
    this._translate = translate;

    propertiesPanel.registerProvider(LOW_PRIORITY, this);
  }

  getGroups(element) {
    return (groups) => {
      if (!is(element, 'bpmn:UserTask')) {
        return groups;
      }

      const group = {
        id: 'dz-candidate-groups',
        label: '候选部门与角色',
        entries: [
          {
            id: 'dz-candidate-groups-picker',
            element,
            component: CandidateGroupsEntry,
            isEdited: () => !!element.businessObject.get('camunda:candidateGroups')
          }
        ]
      };

      const after = groups.findIndex(g => g.id === 'CamundaPlatform__UserAssignment');

      groups.splice(after < 0 ? 1 : after + 1, 0, group);

      return groups;
    };
  }
}

CandidateGroupsProvider.$inject = [ 'propertiesPanel', 'translate' ];
