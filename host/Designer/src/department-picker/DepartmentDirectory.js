import { api } from '../api';

/**
 * The departments (GET /api/departments → [ { code, name, kind, kindName } ]) and roles
 * (GET /api/roles → [ { code, name } ]) that can be candidate groups, loaded once and
 * shared by every properties panel entry. Both names come from the server, so the
 * picker says 领导小组办公室 exactly where the rest of the platform does.
 */
export default class DepartmentDirectory {

  constructor() {
    this._departments = null;
    this._roles = null;
    this._loading = null;
    this._error = null;
  }

  /** @return {Promise<Array<{code, name, kind, kindName}>>} the departments; the roles are loaded alongside */
  load() {
    if (!this._loading) {
      const failed = (err) => {
        this._error = this._error || err;
        return [];
      };

      this._loading = Promise.all([
        api.departments().catch(failed),
        api.roles().catch(failed)
      ]).then(([ departments, roles ]) => {
        this._departments = Array.isArray(departments) ? departments : [];
        this._roles = Array.isArray(roles) ? roles : [];
        return this._departments;
      });
    }

    return this._loading;
  }

  /** Departments if loaded, else null. */
  getDepartments() {
    return this._departments;
  }

  /** Roles if loaded, else an empty list. */
  getRoles() {
    return this._roles || [];
  }

  getError() {
    return this._error;
  }

  /** 财政局（dept:czj）, 领导小组办公室（role:LeadingGroup）, or the group itself. */
  describe(group) {
    const [ type, code ] = splitGroup(group);

    if (type === 'dept') {
      const department = (this._departments || []).find(d => d.code === code);

      return department ? department.name : `部门 ${ code }`;
    }

    if (type === 'role') {
      const role = (this._roles || []).find(r => r.code === code);

      return role ? role.name : `角色 ${ code }`;
    }

    return group;
  }
}

function splitGroup(group) {
  const index = group.indexOf(':');

  return index < 0 ? [ null, group ] : [ group.slice(0, index), group.slice(index + 1) ];
}
