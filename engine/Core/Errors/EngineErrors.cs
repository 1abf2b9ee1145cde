namespace Decoupling.Engine.Errors;

/// <summary>
/// Every error the engine raises, by name: callers and tests compare <see cref="EngineError"/> values or their codes,
/// never parse messages. Messages are in Resources/RuntimeMessages.resx under the same code.
/// </summary>
public static class EngineErrors
{
    // Forms, start and hand-over contracts
    public static readonly EngineError FormFieldUndeclared = new("ENGINE_FORM_FIELD_UNDECLARED", EngineErrorKind.Invalid);
    public static readonly EngineError FormFieldReadonly = new("ENGINE_FORM_FIELD_READONLY", EngineErrorKind.Invalid);
    public static readonly EngineError FormFieldRequired = new("ENGINE_FORM_FIELD_REQUIRED", EngineErrorKind.Invalid);
    public static readonly EngineError FormFieldRequiredFor = new("ENGINE_FORM_FIELD_REQUIRED_FOR", EngineErrorKind.Invalid);
    public static readonly EngineError FormFieldType = new("ENGINE_FORM_FIELD_TYPE", EngineErrorKind.Invalid);
    public static readonly EngineError FormFieldEnum = new("ENGINE_FORM_FIELD_ENUM", EngineErrorKind.Invalid);
    public static readonly EngineError FormFieldMinLength = new("ENGINE_FORM_FIELD_MIN_LENGTH", EngineErrorKind.Invalid);
    public static readonly EngineError FormFieldMaxLength = new("ENGINE_FORM_FIELD_MAX_LENGTH", EngineErrorKind.Invalid);
    public static readonly EngineError FormFieldMin = new("ENGINE_FORM_FIELD_MIN", EngineErrorKind.Invalid);
    public static readonly EngineError FormFieldMax = new("ENGINE_FORM_FIELD_MAX", EngineErrorKind.Invalid);
    public static readonly EngineError FormOutcomeRequired = new("ENGINE_FORM_OUTCOME_REQUIRED", EngineErrorKind.Invalid);
    public static readonly EngineError FormOutcomeInvalid = new("ENGINE_FORM_OUTCOME_INVALID", EngineErrorKind.Invalid);
    public static readonly EngineError FormNoOutcome = new("ENGINE_FORM_NO_OUTCOME", EngineErrorKind.Invalid);
    public static readonly EngineError VariableProtected = new("ENGINE_VARIABLE_PROTECTED", EngineErrorKind.Invalid);
    public static readonly EngineError TargetNotEligible = new("ENGINE_TARGET_NOT_ELIGIBLE", EngineErrorKind.Invalid);
    public static readonly EngineError TaskRefused = new("ENGINE_TASK_REFUSED", EngineErrorKind.Invalid);
    public static readonly EngineError StartForbidden = new("ENGINE_START_FORBIDDEN", EngineErrorKind.Forbidden);
    public static readonly EngineError TaskListenerUnknown = new("ENGINE_TASK_LISTENER_UNKNOWN", EngineErrorKind.Conflict);

    // NotFound
    public static readonly EngineError DefinitionKeyNotFound = new("ENGINE_DEFINITION_KEY_NOT_FOUND", EngineErrorKind.NotFound);
    public static readonly EngineError DefinitionNotFound = new("ENGINE_DEFINITION_NOT_FOUND", EngineErrorKind.NotFound);
    public static readonly EngineError IncidentNotFound = new("ENGINE_INCIDENT_NOT_FOUND", EngineErrorKind.NotFound);
    public static readonly EngineError InstanceNotFound = new("ENGINE_INSTANCE_NOT_FOUND", EngineErrorKind.NotFound);
    public static readonly EngineError TaskNotFound = new("ENGINE_TASK_NOT_FOUND", EngineErrorKind.NotFound);

    // Forbidden
    public static readonly EngineError CancelForbidden = new("ENGINE_CANCEL_FORBIDDEN", EngineErrorKind.Forbidden);
    public static readonly EngineError MigrateForbidden = new("ENGINE_MIGRATE_FORBIDDEN", EngineErrorKind.Forbidden);
    public static readonly EngineError RetryForbidden = new("ENGINE_RETRY_FORBIDDEN", EngineErrorKind.Forbidden);
    public static readonly EngineError TaskForbidden = new("ENGINE_TASK_FORBIDDEN", EngineErrorKind.Forbidden);
    public static readonly EngineError UrgeForbidden = new("ENGINE_URGE_FORBIDDEN", EngineErrorKind.Forbidden);
    public static readonly EngineError VariablesForbidden = new("ENGINE_VARIABLES_FORBIDDEN", EngineErrorKind.Forbidden);

    // Invalid
    public static readonly EngineError CommentRequired = new("ENGINE_COMMENT_REQUIRED", EngineErrorKind.Invalid);
    public static readonly EngineError MigrationInvalid = new("ENGINE_MIGRATION_INVALID", EngineErrorKind.Invalid);
    public static readonly EngineError ReturnTargetInvalid = new("ENGINE_RETURN_TARGET_INVALID", EngineErrorKind.Invalid);
    public static readonly EngineError SignerDuplicate = new("ENGINE_SIGNER_DUPLICATE", EngineErrorKind.Invalid);
    public static readonly EngineError SignerInvalid = new("ENGINE_SIGNER_INVALID", EngineErrorKind.Invalid);
    public static readonly EngineError TargetUserInvalid = new("ENGINE_TARGET_USER_INVALID", EngineErrorKind.Invalid);

    // Conflict
    public static readonly EngineError InstanceNotActive = new("ENGINE_INSTANCE_NOT_ACTIVE", EngineErrorKind.Conflict);
    public static readonly EngineError MessageNotCorrelated = new("ENGINE_MESSAGE_NOT_CORRELATED", EngineErrorKind.Conflict);
    public static readonly EngineError MigrationIncompatible = new("ENGINE_MIGRATION_INCOMPATIBLE", EngineErrorKind.Conflict);
    public static readonly EngineError MigrationOtherProcess = new("ENGINE_MIGRATION_OTHER_PROCESS", EngineErrorKind.Conflict);
    public static readonly EngineError MigrationUnmapped = new("ENGINE_MIGRATION_UNMAPPED", EngineErrorKind.Conflict);
    public static readonly EngineError NoExecutableProcess = new("ENGINE_NO_EXECUTABLE_PROCESS", EngineErrorKind.Conflict);
    public static readonly EngineError NoNoneStart = new("ENGINE_NO_NONE_START", EngineErrorKind.Conflict);
    public static readonly EngineError ReturnDisabled = new("ENGINE_RETURN_DISABLED", EngineErrorKind.Conflict);
    public static readonly EngineError SignersBeforePending = new("ENGINE_SIGNERS_BEFORE_PENDING", EngineErrorKind.Conflict);
    public static readonly EngineError SignerNotRemovable = new("ENGINE_SIGNER_NOT_REMOVABLE", EngineErrorKind.Conflict);
    public static readonly EngineError TaskAlreadyYours = new("ENGINE_TASK_ALREADY_YOURS", EngineErrorKind.Conflict);
    public static readonly EngineError TaskClaimedByOther = new("ENGINE_TASK_CLAIMED_BY_OTHER", EngineErrorKind.Conflict);
    public static readonly EngineError TaskDelegated = new("ENGINE_TASK_DELEGATED", EngineErrorKind.Conflict);
    public static readonly EngineError TaskNotActive = new("ENGINE_TASK_NOT_ACTIVE", EngineErrorKind.Conflict);
    public static readonly EngineError UnclaimNotAllowed = new("ENGINE_UNCLAIM_NOT_ALLOWED", EngineErrorKind.Conflict);
    public static readonly EngineError UrgeTooSoon = new("ENGINE_URGE_TOO_SOON", EngineErrorKind.Conflict);
    public static readonly EngineError WithdrawDisabled = new("ENGINE_WITHDRAW_DISABLED", EngineErrorKind.Conflict);
    public static readonly EngineError WithdrawNotYours = new("ENGINE_WITHDRAW_NOT_YOURS", EngineErrorKind.Conflict);
    public static readonly EngineError WithdrawSideEffects = new("ENGINE_WITHDRAW_SIDE_EFFECTS", EngineErrorKind.Conflict);
    public static readonly EngineError WithdrawTooLate = new("ENGINE_WITHDRAW_TOO_LATE", EngineErrorKind.Conflict);

    // Incident
    public static readonly EngineError BadDueDate = new("ENGINE_BAD_DUE_DATE", EngineErrorKind.Incident);
    public static readonly EngineError BadTimer = new("ENGINE_BAD_TIMER", EngineErrorKind.Incident);
    public static readonly EngineError CalledNotFound = new("ENGINE_CALLED_NOT_FOUND", EngineErrorKind.Incident);
    public static readonly EngineError MiNotAList = new("ENGINE_MI_NOT_A_LIST", EngineErrorKind.Incident);
    public static readonly EngineError NoApprover = new("ENGINE_NO_APPROVER", EngineErrorKind.Incident);
    public static readonly EngineError NoApproverSkipped = new("ENGINE_NO_APPROVER_SKIPPED", EngineErrorKind.Incident);
    public static readonly EngineError NoApproverToAdmin = new("ENGINE_NO_APPROVER_TO_ADMIN", EngineErrorKind.Incident);
    public static readonly EngineError NoFlowTaken = new("ENGINE_NO_FLOW_TAKEN", EngineErrorKind.Incident);
    public static readonly EngineError NoHandler = new("ENGINE_NO_HANDLER", EngineErrorKind.Incident);
    public static readonly EngineError NoScriptEvaluator = new("ENGINE_NO_SCRIPT_EVALUATOR", EngineErrorKind.Incident);
    public static readonly EngineError ServiceFailed = new("ENGINE_SERVICE_FAILED", EngineErrorKind.Incident);
    public static readonly EngineError StarterSkipped = new("ENGINE_STARTER_SKIPPED", EngineErrorKind.Incident);
    public static readonly EngineError TooManyMoves = new("ENGINE_TOO_MANY_MOVES", EngineErrorKind.Incident);
    public static readonly EngineError UnhandledError = new("ENGINE_UNHANDLED_ERROR", EngineErrorKind.Incident);
}
