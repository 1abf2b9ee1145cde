import DepartmentDirectory from './DepartmentDirectory';
import CandidateGroupsProvider from './CandidateGroupsProvider';

/**
 * "候选部门与角色" in the properties panel of a user task: pick departments
 * (GET /api/departments) and platform roles, written to camunda:candidateGroups
 * as dept:{code} and role:{Role}.
 */
export default {
  __init__: [ 'candidateGroupsProvider' ],
  departmentDirectory: [ 'type', DepartmentDirectory ],
  candidateGroupsProvider: [ 'type', CandidateGroupsProvider ]
};
