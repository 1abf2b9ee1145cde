import { api } from '../api';

import roles from './roles';

const KIND_NAMES = {
  leading: '领导小组',
  department: '职能部门',
  supervisory: '业务主管单位',
  association: '协会'
};

/**
 * The departments (GET /api/departments → [ { code, name, kind } ]) and roles that
 * can be candidate groups, loaded once and shared by every properties panel entry.
 */
export default class DepartmentDirectory {

  constructor() {
    this._departments = null;
    this._loading = null;
    this._error = null;
  }

  /** @return {Promise<Array<{code, name, kind}>>} */
  load() {
    if (!this._loading) {
      this._loading = api.departments()
        .then(departments => {
          this._departments = Array.isArray(departments) ? departments : [];
          return this._departments;
        })
        .catch(err => {
          this._error = err;
          this._departments = [];
          return this._departments;
        });
    }

    return this._loading;
  }

  /** Departments if loaded, else null. */
  getDepartments() {
    return this._departments;
  }

  getError() {
    return this._error;
  }

  getRoles() {
    return roles;
  }

  kindName(kind) {
    return KIND_NAMES[kind] || kind || '其他';
  }

  /** 财政局（dept:czj）, 审核人员（role:Reviewer）, or the group itself. */
  describe(group) {
    const [ type, code ] = splitGroup(group);

    if (type === 'dept') {
      const department = (this._departments || []).find(d => d.code === code);

      return department ? department.name : `部门 ${ code }`;
    }

    if (type === 'role') {
      const role = roles.find(r => r.code === code);

      return role ? role.name : `角色 ${ code }`;
    }

    return group;
  }
}

function splitGroup(group) {
  const index = group.indexOf(':');

  return index < 0 ? [ null, group ] : [ group.slice(0, index), group.slice(index + 1) ];
}
