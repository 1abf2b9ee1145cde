using Decoupling.Engine.Errors;

namespace Decoupling.Application.Errors;

/// <summary>Every refusal of the application layer, by name.</summary>
public static class AppErrors
{
    /// <summary>发起“{0}”须指定{1}</summary>
    public static readonly AppError CaseSubjectRequired = new("CASE_SUBJECT_REQUIRED", EngineErrorKind.Invalid);

    /// <summary>{0}“{1}”不存在，或不在您的管辖范围内</summary>
    public static readonly AppError CaseSubjectNotFound = new("CASE_SUBJECT_NOT_FOUND", EngineErrorKind.NotFound);

    /// <summary>成立登记是为尚未登记的协会商会申请的，不能选择已登记的“{0}”</summary>
    public static readonly AppError FoundingNamesNoAssociation = new("FOUNDING_NAMES_NO_ASSOCIATION", EngineErrorKind.Invalid);

    /// <summary>“{0}”已有正在办理的“{1}”，不能重复发起</summary>
    public static readonly AppError CaseAlreadyOpen = new("CASE_ALREADY_OPEN", EngineErrorKind.Conflict);

    /// <summary>流程“{0}”的发起对象“{1}”无法识别（caseSubject 可为 association、unit、district、report、registration）</summary>
    public static readonly AppError CaseSubjectUnknown = new("CASE_SUBJECT_UNKNOWN", EngineErrorKind.Conflict);

    /// <summary>您不能把第 {0} 项从“{1}”改为“{2}”：{3}</summary>
    public static readonly AppError ChecklistMoveForbidden = new("CHECKLIST_MOVE_FORBIDDEN", EngineErrorKind.Forbidden);

    /// <summary>您不能修改该协会商会的脱钩事项清单</summary>
    public static readonly AppError ChecklistEditForbidden = new("CHECKLIST_EDIT_FORBIDDEN", EngineErrorKind.Forbidden);

    /// <summary>第 {0} 项：{1}须写明理由</summary>
    public static readonly AppError ChecklistReasonRequired = new("CHECKLIST_REASON_REQUIRED", EngineErrorKind.Invalid);

    /// <summary>只有协会本身和其业务主管单位可以对脱钩事项清单盖章确认</summary>
    public static readonly AppError SealForbidden = new("SEAL_FORBIDDEN", EngineErrorKind.Forbidden);

    /// <summary>流程实例 {0} 不存在</summary>
    public static readonly AppError InstanceNotVisible = new("INSTANCE_NOT_VISIBLE", EngineErrorKind.NotFound);

    /// <summary>协会商会 {0} 不存在</summary>
    public static readonly AppError AssociationNotVisible = new("ASSOCIATION_NOT_VISIBLE", EngineErrorKind.NotFound);

    /// <summary>文件 {0} 不存在</summary>
    public static readonly AppError DocumentNotVisible = new("DOCUMENT_NOT_VISIBLE", EngineErrorKind.NotFound);

    /// <summary>“{0}”不属于您的单位，不能上传新版本</summary>
    public static readonly AppError DocumentNotYours = new("DOCUMENT_NOT_YOURS", EngineErrorKind.Forbidden);

    /// <summary>“{0}”不能以新版本替换：只有脱钩方案和工作总结可以上传修改稿</summary>
    public static readonly AppError DocumentNotRevisable = new("DOCUMENT_NOT_REVISABLE", EngineErrorKind.Conflict);

    /// <summary>只有领导小组办公室可以修改协会名册</summary>
    public static readonly AppError RegisterEditForbidden = new("REGISTER_EDIT_FORBIDDEN", EngineErrorKind.Forbidden);

    /// <summary>只有领导小组办公室可以查看全区情况</summary>
    public static readonly AppError SupervisorsOnly = new("SUPERVISORS_ONLY", EngineErrorKind.Forbidden);

    /// <summary>只有领导小组办公室或案件发起人可以终止案件</summary>
    public static readonly AppError CancelForbidden = new("CANCEL_FORBIDDEN", EngineErrorKind.Forbidden);

    /// <summary>终止案件须写明理由</summary>
    public static readonly AppError CancelReasonRequired = new("CANCEL_REASON_REQUIRED", EngineErrorKind.Invalid);

    /// <summary>只有领导小组办公室和协会的业务主管单位可以登记和处置风险预案</summary>
    public static readonly AppError RiskForbidden = new("RISK_FORBIDDEN", EngineErrorKind.Forbidden);

    /// <summary>风险预案的“{0}”须填写</summary>
    public static readonly AppError RiskFieldRequired = new("RISK_FIELD_REQUIRED", EngineErrorKind.Invalid);

    /// <summary>风险预案的“{0}”不能超过 {1} 字</summary>
    public static readonly AppError RiskFieldTooLong = new("RISK_FIELD_TOO_LONG", EngineErrorKind.Invalid);

    /// <summary>风险等级“{0}”无法识别，可选：{1}</summary>
    public static readonly AppError RiskLevelUnknown = new("RISK_LEVEL_UNKNOWN", EngineErrorKind.Invalid);

    /// <summary>风险预案 {0} 不存在</summary>
    public static readonly AppError RiskNotFound = new("RISK_NOT_FOUND", EngineErrorKind.NotFound);

    /// <summary>风险“{0}”已处置销号</summary>
    public static readonly AppError RiskAlreadyClosed = new("RISK_ALREADY_CLOSED", EngineErrorKind.Conflict);

    /// <summary>只有领导小组办公室可以发布通知公告和政策解读</summary>
    public static readonly AppError PublicationForbidden = new("PUBLICATION_FORBIDDEN", EngineErrorKind.Forbidden);

    /// <summary>通知公告的“{0}”须填写</summary>
    public static readonly AppError PublicationFieldRequired = new("PUBLICATION_FIELD_REQUIRED", EngineErrorKind.Invalid);

    /// <summary>通知公告的“{0}”不能超过 {1} 字</summary>
    public static readonly AppError PublicationFieldTooLong = new("PUBLICATION_FIELD_TOO_LONG", EngineErrorKind.Invalid);

    /// <summary>类别“{0}”无法识别，可选：{1}</summary>
    public static readonly AppError PublicationKindUnknown = new("PUBLICATION_KIND_UNKNOWN", EngineErrorKind.Invalid);

    /// <summary>发布范围选择“按业务主管单位”时，须选择至少一个业务主管单位</summary>
    public static readonly AppError PublicationUnitsRequired = new("PUBLICATION_UNITS_REQUIRED", EngineErrorKind.Invalid);

    /// <summary>发布范围中的业务主管单位 {0} 不存在</summary>
    public static readonly AppError PublicationUnitUnknown = new("PUBLICATION_UNIT_UNKNOWN", EngineErrorKind.Invalid);

    /// <summary>发布范围内没有纳入脱钩范围的协会商会，无人应读</summary>
    public static readonly AppError PublicationAudienceEmpty = new("PUBLICATION_AUDIENCE_EMPTY", EngineErrorKind.Invalid);

    /// <summary>要更正的通知公告 {0} 不存在</summary>
    public static readonly AppError PublicationCorrectedUnknown = new("PUBLICATION_CORRECTED_UNKNOWN", EngineErrorKind.Invalid);

    /// <summary>附件“{0}”须为 PDF 或 Word（.docx）文件</summary>
    public static readonly AppError PublicationAttachmentKind = new("PUBLICATION_ATTACHMENT_KIND", EngineErrorKind.Invalid);

    /// <summary>附件不能超过 {0} 个</summary>
    public static readonly AppError PublicationTooManyAttachments = new("PUBLICATION_TOO_MANY_ATTACHMENTS", EngineErrorKind.Invalid);

    /// <summary>通知公告 {0} 不存在</summary>
    public static readonly AppError PublicationNotFound = new("PUBLICATION_NOT_FOUND", EngineErrorKind.NotFound);

    /// <summary>阅读情况只有领导小组办公室和业务主管单位可以查看</summary>
    public static readonly AppError PublicationReadsForbidden = new("PUBLICATION_READS_FORBIDDEN", EngineErrorKind.Forbidden);

    /// <summary>只有领导小组办公室可以催阅</summary>
    public static readonly AppError PublicationRemindForbidden = new("PUBLICATION_REMIND_FORBIDDEN", EngineErrorKind.Forbidden);

    /// <summary>不能上传“{0}”：该类文件由流程或领导小组办公室出具；上传的文件只能作为佐证材料、其他材料，或由业务主管单位作为脱钩方案</summary>
    public static readonly AppError DocumentTypeNotUploadable = new("DOCUMENT_TYPE_NOT_UPLOADABLE", EngineErrorKind.Invalid);

    /// <summary>文件名“{0}”不能以“{1}”开头：这类文件只由脱钩事项清单的“盖章确认”生成，请改用其他文件名</summary>
    public static readonly AppError DocumentNameReserved = new("DOCUMENT_NAME_RESERVED", EngineErrorKind.Invalid);

    /// <summary>“{1}”是{0}，由出具部门在文件中署名，不能再加盖其他单位的印章；盖章确认只用于佐证材料、其他材料、脱钩方案和工作总结</summary>
    public static readonly AppError DocumentNotSealable = new("DOCUMENT_NOT_SEALABLE", EngineErrorKind.Invalid);

    /// <summary>名册的“{0}”只能由{1}改变，不能直接修改</summary>
    public static readonly AppError RegisterFieldDecided = new("REGISTER_FIELD_DECIDED", EngineErrorKind.Invalid);

    /// <summary>“{0}”的脱钩结果已是“{1}”，不能再发起“{2}”</summary>
    public static readonly AppError CaseSubjectConcluded = new("CASE_SUBJECT_CONCLUDED", EngineErrorKind.Conflict);

    /// <summary>通知 {0} 不存在</summary>
    public static readonly AppError NoticeNotFound = new("NOTICE_NOT_FOUND", EngineErrorKind.NotFound);

    /// <summary>消息列表的{0}应在 {1} 到 {2} 之间，收到的是 {3}</summary>
    public static readonly AppError NoticePagingInvalid = new("NOTICE_PAGING_INVALID", EngineErrorKind.Invalid);
}
