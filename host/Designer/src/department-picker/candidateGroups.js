/** camunda:candidateGroups is a comma separated list; these keep it tidy. */

export function parseGroups(value) {
  return String(value || '')
    .split(',')
    .map(group => group.trim())
    .filter(Boolean);
}

export function formatGroups(groups) {
  return groups.filter(Boolean).join(',');
}

export function departmentGroup(code) {
  return `dept:${ code }`;
}

export function roleGroup(code) {
  return `role:${ code }`;
}

/** Adds a group unless present; keeps the order of the others. */
export function addGroup(value, group) {
  const groups = parseGroups(value);

  return groups.includes(group) ? formatGroups(groups) : formatGroups([ ...groups, group ]);
}

export function removeGroup(value, group) {
  return formatGroups(parseGroups(value).filter(g => g !== group));
}
