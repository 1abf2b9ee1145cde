/** Platform roles (domain/Identity/PlatformRoles.cs) with their Chinese names. */
export default [
  { code: 'LeadingGroup', name: '领导小组' },
  { code: 'SupervisoryUnit', name: '业务主管单位' },
  { code: 'Reviewer', name: '审核人员' },
  { code: 'Auditor', name: '审计人员' },
  { code: 'Evaluator', name: '评估人员' },
  { code: 'RegistrationOfficer', name: '登记窗口人员' },
  { code: 'AssociationStaff', name: '协会工作人员' },
  { code: 'Admin', name: '系统管理员' }
];
