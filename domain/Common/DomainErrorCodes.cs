namespace Decoupling.Domain;

/// <summary>Stable error codes of the domain; the Chinese text of each is in Resources/DomainMessages.resx.</summary>
public static class DomainErrorCodes
{
    /// <summary>输入有误：{0}</summary>
    public const string ValidationFailed = "VALIDATION_FAILED";

    /// <summary>“{0}”不能为空</summary>
    public const string FieldRequired = "FIELD_REQUIRED";

    /// <summary>“{0}”不能为负数</summary>
    public const string FieldNegative = "FIELD_NEGATIVE";

    /// <summary>“{0}”不能超过 {1} 个字符</summary>
    public const string FieldTooLong = "FIELD_TOO_LONG";

    /// <summary>{0} {1} 不存在</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>{0} 已被他人修改，请刷新后重试</summary>
    public const string ConcurrencyConflict = "CONCURRENCY_CONFLICT";

    /// <summary>统一社会信用代码为空</summary>
    public const string CreditCodeEmpty = "CREDIT_CODE_EMPTY";

    /// <summary>统一社会信用代码应为 18 位，实际为 {0} 位</summary>
    public const string CreditCodeLength = "CREDIT_CODE_LENGTH";

    /// <summary>统一社会信用代码第 {0} 位字符“{1}”不合法（只允许数字和 ABCDEFGHJKLMNPQRTUWXY）</summary>
    public const string CreditCodeCharset = "CREDIT_CODE_CHARSET";

    /// <summary>统一社会信用代码校验位错误：应为“{0}”，实际为“{1}”</summary>
    public const string CreditCodeCheckCharacter = "CREDIT_CODE_CHECK_CHARACTER";

    /// <summary>已登记的社会组织必须填写统一社会信用代码</summary>
    public const string CreditCodeRequired = "CREDIT_CODE_REQUIRED";

    /// <summary>统一社会信用代码 {0} 在文件中重复（第 {1} 行已出现）</summary>
    public const string CreditCodeDuplicateInFile = "CREDIT_CODE_DUPLICATE_IN_FILE";

    /// <summary>统一社会信用代码 {0} 已在名录中（{1}）</summary>
    public const string CreditCodeDuplicateInRegister = "CREDIT_CODE_DUPLICATE_IN_REGISTER";

    /// <summary>区级社会团体名称不得使用“{0}”字样</summary>
    public const string AssociationNameForbiddenWord = "ASSOCIATION_NAME_FORBIDDEN_WORD";

    /// <summary>业务主管单位“{0}”不存在</summary>
    public const string SupervisoryUnitUnknown = "SUPERVISORY_UNIT_UNKNOWN";

    /// <summary>“{0}”不是有效的数字</summary>
    public const string ValueNotNumber = "VALUE_NOT_NUMBER";

    /// <summary>“{0}”不是有效的整数</summary>
    public const string ValueNotInteger = "VALUE_NOT_INTEGER";

    /// <summary>“{0}”不是有效的日期（例如 2015-06-30）</summary>
    public const string ValueNotDate = "VALUE_NOT_DATE";

    /// <summary>“{0}”不是可选值之一（{1}）</summary>
    public const string ValueNotInList = "VALUE_NOT_IN_LIST";

    /// <summary>脱钩状态为“{0}”时须填写原因</summary>
    public const string OutcomeReasonRequired = "OUTCOME_REASON_REQUIRED";

    /// <summary>文件无法读取：不是有效的 Excel（.xlsx）文件或文件已损坏</summary>
    public const string ExcelFileUnreadable = "EXCEL_FILE_UNREADABLE";

    /// <summary>文件中没有表头行</summary>
    public const string ExcelFileEmpty = "EXCEL_FILE_EMPTY";

    /// <summary>缺少必需的列：{0}</summary>
    public const string ExcelHeaderMissing = "EXCEL_HEADER_MISSING";

    /// <summary>无法识别的列：{0}</summary>
    public const string ExcelHeaderUnknown = "EXCEL_HEADER_UNKNOWN";

    /// <summary>列“{0}”出现了多次</summary>
    public const string ExcelHeaderDuplicate = "EXCEL_HEADER_DUPLICATE";

    /// <summary>文件中没有数据行</summary>
    public const string ExcelNoRows = "EXCEL_NO_ROWS";

    /// <summary>第 {0} 行“{1}”列：{2}</summary>
    public const string ExcelRowError = "EXCEL_ROW_ERROR";

    /// <summary>文件的数据行超过上限 {0} 行，请分批导入</summary>
    public const string ExcelTooManyRows = "EXCEL_TOO_MANY_ROWS";

    /// <summary>清单事项 {0} 不能从“{1}”变为“{2}”</summary>
    public const string ChecklistTransitionIllegal = "CHECKLIST_TRANSITION_ILLEGAL";

    /// <summary>清单事项 {0} 没有佐证材料，不能办结</summary>
    public const string ChecklistEvidenceRequired = "CHECKLIST_EVIDENCE_REQUIRED";

    /// <summary>第 {0} 项还缺少：{1}</summary>
    public const string ChecklistItemIncomplete = "CHECKLIST_ITEM_INCOMPLETE";

    /// <summary>第 {0} 项退回须写明理由</summary>
    public const string ChecklistReturnReasonRequired = "CHECKLIST_RETURN_REASON_REQUIRED";

    /// <summary>该协会商会已有脱钩事项清单</summary>
    public const string ChecklistAlreadyExists = "CHECKLIST_ALREADY_EXISTS";

    /// <summary>清单事项 {0} 处于“{1}”状态，不能修改内容</summary>
    public const string ChecklistItemLocked = "CHECKLIST_ITEM_LOCKED";

    /// <summary>序号 {0} 重复（第 {1} 行已出现）</summary>
    public const string ChecklistNumberDuplicate = "CHECKLIST_NUMBER_DUPLICATE";

    /// <summary>没有可用的脱钩事项清单模板</summary>
    public const string ChecklistTemplateMissing = "CHECKLIST_TEMPLATE_MISSING";

    /// <summary>路由表引用了不存在的部门代码“{0}”</summary>
    public const string RoutingDepartmentUnknown = "ROUTING_DEPARTMENT_UNKNOWN";

    /// <summary>部门代码“{0}”不存在</summary>
    public const string DepartmentCodeUnknown = "DEPARTMENT_CODE_UNKNOWN";

    /// <summary>上传的文件为空</summary>
    public const string DocumentEmpty = "DOCUMENT_EMPTY";

    /// <summary>文件超过大小上限 {0:0.#} MB</summary>
    public const string DocumentTooLarge = "DOCUMENT_TOO_LARGE";

    /// <summary>不支持的文件类型“{0}”（允许 docx、xlsx、pdf、jpg、png）</summary>
    public const string DocumentTypeUnsupported = "DOCUMENT_TYPE_UNSUPPORTED";

    /// <summary>文件“{0}”的内容不是 docx、xlsx、pdf、jpg 或 png</summary>
    public const string DocumentContentUnrecognised = "DOCUMENT_CONTENT_UNRECOGNISED";

    /// <summary>文件“{0}”的内容与扩展名不符（实际内容为 {1}）</summary>
    public const string DocumentContentMismatch = "DOCUMENT_CONTENT_MISMATCH";

    /// <summary>存储键“{0}”无效</summary>
    public const string DocumentStoreKeyInvalid = "DOCUMENT_STORE_KEY_INVALID";

    /// <summary>存储中找不到文件内容 {0}</summary>
    public const string DocumentStoredFileMissing = "DOCUMENT_STORED_FILE_MISSING";

    /// <summary>“{0}”不是可以预览的 Word 文档（.docx），请下载后查看</summary>
    public const string DocumentPreviewUnavailable = "DOCUMENT_PREVIEW_UNAVAILABLE";

    /// <summary>用户“{0}”不属于任何单位，不能盖章确认</summary>
    public const string SealUserNoUnit = "SEAL_USER_NO_UNIT";

    /// <summary>用户“{0}”无权代表该单位对此文件盖章确认</summary>
    public const string SealUserNotAuthorised = "SEAL_USER_NOT_AUTHORISED";

    /// <summary>办件“{0}”不能从 {1} 变为 {2}</summary>
    public const string MatterTransitionIllegal = "MATTER_TRANSITION_ILLEGAL";

    /// <summary>全程代办的办件须指定代办人</summary>
    public const string MatterAgentRequired = "MATTER_AGENT_REQUIRED";

    /// <summary>通知须指定接收人或接收部门</summary>
    public const string NotificationRecipientRequired = "NOTIFICATION_RECIPIENT_REQUIRED";

    /// <summary>审计日志只能追加，不能修改或删除</summary>
    public const string AuditAppendOnly = "AUDIT_APPEND_ONLY";

    /// <summary>审计日志序号 {0} 的记录缺失（被删除）</summary>
    public const string AuditRowMissing = "AUDIT_ROW_MISSING";

    /// <summary>审计日志序号 {0} 的记录被篡改</summary>
    public const string AuditRowAltered = "AUDIT_ROW_ALTERED";

    /// <summary>工作日数不能为负数（{0}）</summary>
    public const string WorkingDaysNegative = "WORKING_DAYS_NEGATIVE";

    /// <summary>种子文件 {0} 不存在</summary>
    public const string SeedFileMissing = "SEED_FILE_MISSING";

    /// <summary>种子文件 {0} 有误：{1}</summary>
    public const string SeedFileInvalid = "SEED_FILE_INVALID";

    /// <summary>创建用户 {0} 失败：{1}</summary>
    public const string UserCreateFailed = "USER_CREATE_FAILED";

    /// <summary>{0} 未设置发文字号前缀，无法编号</summary>
    public const string DocumentNumberPrefixMissing = "DOCUMENT_NUMBER_PREFIX_MISSING";

    /// <summary>{0} 没有统一社会信用代码，无法换发登记证书</summary>
    public const string CertificateMissing = "CERTIFICATE_MISSING";

    /// <summary>“日期”应在 {0} 年至 {1} 年之间，实际为 {2}</summary>
    public const string CalendarDateOutOfRange = "CALENDAR_DATE_OUT_OF_RANGE";

    /// <summary>“日期” {0} 已设置为{1}（{2}），请修改该日而不是重复添加</summary>
    public const string CalendarDayDuplicate = "CALENDAR_DAY_DUPLICATE";

    /// <summary>“类型”：补班日只能设在周六或周日，{0} 是工作日</summary>
    public const string CalendarMakeUpOnWeekday = "CALENDAR_MAKEUP_ON_WEEKDAY";

    /// <summary>日历中没有 {0} 的节假日或补班设置</summary>
    public const string CalendarDayNotFound = "CALENDAR_DAY_NOT_FOUND";

    /// <summary>节假日</summary>
    public const string CalendarKindHoliday = "CALENDAR_KIND_Holiday";

    /// <summary>补班日</summary>
    public const string CalendarKindMakeUpWorkday = "CALENDAR_KIND_MakeUpWorkday";

    /// <summary>“天数”应在 0 至 {0} 之间，实际为 {1}</summary>
    public const string CalendarDaysOutOfRange = "CALENDAR_DAYS_OUT_OF_RANGE";

    /// <summary>“角色”：{0} 不是平台的角色</summary>
    public const string AccountRoleUnknown = "ACCOUNT_ROLE_UNKNOWN";

    /// <summary>三员分立：账号“{0}”已是{1}，不能再兼任{2}；系统管理员、安全管理员、审计管理员各用一个账号，且不兼任业务角色</summary>
    public const string AccountRolesSeparated = "ACCOUNT_ROLES_SEPARATED";

    /// <summary>不能修改自己的账号“{0}”的角色、锁定状态或第二因子</summary>
    public const string AccountSelfChange = "ACCOUNT_SELF_CHANGE";

    /// <summary>“所属单位”：{0} 须指定所属{1}</summary>
    public const string AccountRoleNeedsUnit = "ACCOUNT_ROLE_NEEDS_UNIT";

    /// <summary>“角色”：系统管理员只建账号，角色由安全管理员分配</summary>
    public const string AccountCreateRoleRefused = "ACCOUNT_CREATE_ROLE_REFUSED";

    /// <summary>“{0}”应在 {1} 至 {2} 之间，实际为 {3}</summary>
    public const string SecurityPolicyOutOfRange = "SECURITY_POLICY_OUT_OF_RANGE";

    /// <summary>密码至少 {0} 位（安全策略）</summary>
    public const string PasswordTooShort = "PASSWORD_TOO_SHORT";

    /// <summary>配置项 Security:MasterKey 应为 32 位十六进制数字（128 位 SM4 密钥），实际为 {0} 个字符</summary>
    public const string MasterKeyInvalid = "MASTER_KEY_INVALID";

    /// <summary>“{0}”的签名私钥无法解密：主密钥不对，或密文被改动</summary>
    public const string UnitKeyDecryptFailed = "UNIT_KEY_DECRYPT_FAILED";

    /// <summary>文件“{0}”不是完整的 Word 文档（.docx），无法读取：{1}</summary>
    public const string SealDocxDamaged = "SEAL_DOCX_DAMAGED";

    /// <summary>文件“{0}”中没有电子印章</summary>
    public const string SealNone = "SEAL_NONE";

    /// <summary>文件“{0}”中第 {1} 个印章的数据不完整：缺少 {2}</summary>
    public const string SealPartInvalid = "SEAL_PART_INVALID";

    /// <summary>第 {0} 个印章（{1}，{2}）的 SM2 签名不成立：签名或签名内容被改动</summary>
    public const string SealSignatureInvalid = "SEAL_SIGNATURE_INVALID";

    /// <summary>第 {0} 个印章（{1}，{2}）盖章后文件内容被改动：SM3 摘要应为 {3}，实际为 {4}</summary>
    public const string SealDigestMismatch = "SEAL_DIGEST_MISMATCH";

    /// <summary>第 {0} 个印章（{1}）的印章图像被替换</summary>
    public const string SealImageMismatch = "SEAL_IMAGE_MISMATCH";

    /// <summary>第 {0} 个印章（{1}）的公钥 {2} 不在受信任的单位公钥清单中</summary>
    public const string SealKeyUntrusted = "SEAL_KEY_UNTRUSTED";

    /// <summary>“{0}”不是 Word 文档（.docx）：电子印章只能盖在 .docx 上，其他文件以签名记录盖章</summary>
    public const string SealDocumentNotDocx = "SEAL_DOCUMENT_NOT_DOCX";

    /// <summary>备份目录 {0} 不是空目录，请指定一个新目录</summary>
    public const string BackupFolderNotEmpty = "BACKUP_FOLDER_NOT_EMPTY";

    /// <summary>PATH 中找不到 {0}（PostgreSQL 客户端）：请安装 postgresql-client（与服务器同一主版本）后重试；没有写出也没有改动任何数据</summary>
    public const string BackupPgDumpMissing = "BACKUP_PG_DUMP_MISSING";

    /// <summary>{0} 失败（退出码 {1}）：{2}</summary>
    public const string BackupToolFailed = "BACKUP_TOOL_FAILED";

    /// <summary>{0} 中没有 manifest.json：这不是本平台的备份</summary>
    public const string RestoreManifestMissing = "RESTORE_MANIFEST_MISSING";

    /// <summary>备份清单 manifest.json 的校验码不符：清单被改动，或备份时使用了另一把主密钥</summary>
    public const string RestoreManifestForged = "RESTORE_MANIFEST_FORGED";

    /// <summary>备份中的文件 {0} 与清单不符：SM3 应为 {1}，实际为 {2}</summary>
    public const string RestoreFileMismatch = "RESTORE_FILE_MISMATCH";

    /// <summary>备份中缺少清单列出的文件 {0}</summary>
    public const string RestoreFileMissing = "RESTORE_FILE_MISSING";

    /// <summary>备份来自 {0} 数据库，当前配置的是 {1}：请用相同类型的数据库恢复</summary>
    public const string RestoreProviderMismatch = "RESTORE_PROVIDER_MISMATCH";

    /// <summary>恢复目标不是空的：{0}。请恢复到一个新的空目录或空数据库</summary>
    public const string RestoreTargetNotEmpty = "RESTORE_TARGET_NOT_EMPTY";

    /// <summary>恢复后表 {0} 有 {1} 行，清单记录为 {2} 行</summary>
    public const string RestoreCountMismatch = "RESTORE_COUNT_MISMATCH";

    /// <summary>恢复的审计日志链不完整：{0}</summary>
    public const string RestoreAuditBroken = "RESTORE_AUDIT_BROKEN";

    /// <summary>恢复的审计日志链尾（序号 {0}）与清单（序号 {1}）不符：日志被截断或替换</summary>
    public const string RestoreAuditHeadMismatch = "RESTORE_AUDIT_HEAD_MISMATCH";

    /// <summary>文件记录“{0}”（{1}）的摘要与备份中的文件内容不符</summary>
    public const string RestoreDocumentMismatch = "RESTORE_DOCUMENT_MISMATCH";

    /// <summary>文件“{0}”的印章（{1}）校验不通过：{2}</summary>
    public const string RestoreSealInvalid = "RESTORE_SEAL_INVALID";

    /// <summary>文件“{0}”在盖章后被改动：文件结构（压缩包头、时间戳或属性）与盖章时写出的不一致</summary>
    public const string SealContainerChanged = "SEAL_CONTAINER_CHANGED";
}
