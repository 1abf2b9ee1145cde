import { h } from '@bpmn-io/properties-panel/preact';
import { useEffect, useState } from '@bpmn-io/properties-panel/preact/hooks';

import { useService } from 'bpmn-js-properties-panel';

import {
  addGroup,
  departmentGroup,
  parseGroups,
  removeGroup,
  roleGroup
} from './candidateGroups';

/**
 * The chosen candidate groups as removable chips, and two drop-downs that add a
 * department or a role. Writes camunda:candidateGroups through modeling (undoable).
 */
export default function CandidateGroupsEntry(props) {
  const { element, id } = props;

  const modeling = useService('modeling');
  const directory = useService('departmentDirectory');

  const [ departments, setDepartments ] = useState(directory.getDepartments());
  const [ roles, setRoles ] = useState(directory.getRoles());

  useEffect(() => {
    let live = true;

    directory.load().then(loaded => {
      if (live) {
        setDepartments(loaded);
        setRoles(directory.getRoles());
      }
    });

    return () => { live = false; };
  }, [ directory ]);

  const value = element.businessObject.get('camunda:candidateGroups') || '';
  const groups = parseGroups(value);

  const write = (next) => {
    modeling.updateProperties(element, { 'camunda:candidateGroups': next || undefined });
  };

  const onAdd = (event) => {
    const group = event.target.value;

    event.target.value = '';

    if (group) {
      write(addGroup(value, group));
    }
  };

  const error = directory.getError();

  // grouped by the part a department plays, under the name the server gives that part
  const byKind = {};

  (departments || []).forEach(department => {
    const kind = department.kindName || '其他';

    (byKind[kind] = byKind[kind] || []).push(department);
  });

  return h('div', { class: 'bio-properties-panel-entry dz-candidates', 'data-entry-id': id },
    h('div', { class: 'dz-chips' },
      groups.length
        ? groups.map(group => h('span', { class: 'dz-chip', title: group, key: group },
          directory.describe(group),
          h('button', {
            type: 'button',
            class: 'dz-chip-remove',
            title: '移除',
            'aria-label': `移除 ${ directory.describe(group) }`,
            onClick: () => write(removeGroup(value, group))
          }, '×')))
        : h('span', { class: 'dz-muted' }, '尚未指定候选部门或角色')
    ),
    h('label', { class: 'bio-properties-panel-label', for: `${ id }-dept` }, '添加部门'),
    h('select', { id: `${ id }-dept`, class: 'bio-properties-panel-input', onChange: onAdd, disabled: !departments },
      h('option', { value: '' }, departments ? '选择部门…' : '正在加载部门…'),
      Object.keys(byKind).map(kind => h('optgroup', { label: kind, key: kind },
        byKind[kind].map(department => {
          const group = departmentGroup(department.code);

          return h('option', { value: group, disabled: groups.includes(group), key: group, title: group }, department.name);
        })))
    ),
    error ? h('div', { class: 'bio-properties-panel-error' }, `无法加载部门：${ error.message }`) : null,
    h('label', { class: 'bio-properties-panel-label', for: `${ id }-role` }, '添加角色'),
    h('select', { id: `${ id }-role`, class: 'bio-properties-panel-input', onChange: onAdd },
      h('option', { value: '' }, '选择角色…'),
      roles.map(role => {
        const group = roleGroup(role.code);

        return h('option', { value: group, disabled: groups.includes(group), key: group, title: group }, role.name);
      })
    ),
    h('div', { class: 'bio-properties-panel-description' }, '这一步交给所选部门或角色中的任何一人办理；可选多个。')
  );
}
