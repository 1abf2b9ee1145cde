using Decoupling.Engine.Entities;

namespace Decoupling.Engine.Tests.Persistence;

/// <summary>Entities with every property set to a value other than its default, so a round trip checks every column.</summary>
internal static class EntitySamples
{
    /// <summary>A local (+08:00) time with microseconds: PostgreSQL keeps microseconds, SQLite ticks keep more.</summary>
    public static DateTimeOffset Time(int minute) =>
        new DateTimeOffset(2026, 3, 4, 9, minute, 7, TimeSpan.FromHours(8)).AddTicks(1_234_560);

    public static DefinitionRecord Definition(string key = "item-review", int version = 1) => new()
    {
        Id = Guid.NewGuid(),
        Key = key,
        Version = version,
        Name = "事项审核",
        ResourceName = "workflows/item-review.bpmn",
        Xml = "<definitions id=\"d\"><process id=\"item-review\" name=\"事项审核\"/></definitions>",
        Sha256 = new string('a', 64),
        DeployedAt = Time(1),
        DeployedBy = "admin",
    };

    public static ProcessInstance Instance(Guid? definitionId = null) => new()
    {
        Id = Guid.NewGuid(),
        DefinitionId = definitionId ?? Guid.NewGuid(),
        DefinitionKey = "item-review",
        DefinitionVersion = 3,
        BusinessKey = "LZ-2026-0001",
        State = InstanceState.Terminated,
        VariablesJson = "{\"协会\":\"罗庄区物流协会\",\"count\":2}",
        StartedBy = "zhang.san",
        StartedAt = Time(2),
        EndedAt = Time(3),
        ParentInstanceId = Guid.NewGuid(),
        ParentExecutionId = Guid.NewGuid(),
        RootInstanceId = Guid.NewGuid(),
        EndReason = "撤销申请",
        StepCount = 7,
        Revision = 5,
    };

    public static Execution Execution(Guid instanceId) => new()
    {
        Id = Guid.NewGuid(),
        InstanceId = instanceId,
        ParentId = Guid.NewGuid(),
        ElementId = "review",
        State = ExecutionState.Scope,
        ArrivedVia = "flow_1",
        LocalVariablesJson = "{\"item\":\"a\"}",
        Role = ExecutionRole.MultiInstanceInner,
        LoopIndex = 2,
        CreatedInStep = 4,
        CreatedAt = Time(4),
    };

    public static HumanTask UserTask(Guid instanceId) => new()
    {
        Id = Guid.NewGuid(),
        InstanceId = instanceId,
        RootInstanceId = Guid.NewGuid(),
        ExecutionId = Guid.NewGuid(),
        ElementId = "review",
        Name = "科室审核",
        DefinitionKey = "item-review",
        BusinessKey = "LZ-2026-0001",
        Assignee = "li.si",
        Owner = "wang.wu",
        CandidateUsers = ",li.si,zhao.liu,",
        CandidateGroups = ",民政局,工商联,",
        DueAt = Time(5),
        Priority = 80,
        FormKey = "forms/review",
        State = HumanTaskState.WaitingForSigners,
        Delegation = DelegationState.Pending,
        ParentTaskId = Guid.NewGuid(),
        SignerPosition = SignerPosition.After,
        AddedBy = "wang.wu",
        Outcome = "approve",
        Comment = "同意",
        CompletedBy = "li.si",
        CompletedOnBehalfOf = "wang.wu",
        VariablesJson = "{\"approved\":true}",
        CreatedAt = Time(6),
        ClaimedAt = Time(7),
        CompletedAt = Time(8),
        CreatedInStep = 2,
        CompletedInStep = 3,
        Touched = true,
        UrgeCount = 2,
        LastUrgedAt = Time(9),
        LoopIndex = 1,
    };

    public static EngineJob Job(Guid? instanceId, DateTimeOffset dueAt) => new()
    {
        Id = Guid.NewGuid(),
        Kind = JobKind.AsyncContinuation,
        InstanceId = instanceId,
        ExecutionId = Guid.NewGuid(),
        DefinitionId = Guid.NewGuid(),
        ElementId = "timer_1",
        DueAt = dueAt,
        Retries = 2,
        LastError = "连接超时",
        RemainingRepeats = 4,
        RepeatInterval = "PT1H",
        HasIncident = true,
        CreatedAt = Time(10),
        Revision = 1,
    };

    public static MessageSubscription Subscription(Guid instanceId) => new()
    {
        Id = Guid.NewGuid(),
        Kind = SubscriptionKind.Boundary,
        MessageName = "材料补正",
        BusinessKey = "LZ-2026-0001",
        InstanceId = instanceId,
        ExecutionId = Guid.NewGuid(),
        DefinitionId = Guid.NewGuid(),
        ElementId = "wait_docs",
        CreatedAt = Time(11),
        Sequence = 7,
        DataJson = "{\"locals\":{\"部门\":\"区财政局\"}}",
    };

    public static JournalEntry Journal(Guid instanceId, long step, int sequence) => new()
    {
        InstanceId = instanceId,
        RootInstanceId = instanceId,
        Step = step,
        Sequence = sequence,
        At = Time(12),
        Kind = "TaskCompleted",
        ElementId = "review",
        ElementName = "科室审核",
        TaskId = Guid.NewGuid(),
        Actor = "li.si",
        Comment = "材料齐全，同意",
        DataJson = "{\"outcome\":\"approve\"}",
    };

    public static Incident Incident(Guid instanceId) => new()
    {
        Id = Guid.NewGuid(),
        InstanceId = instanceId,
        ExecutionId = Guid.NewGuid(),
        JobId = Guid.NewGuid(),
        ElementId = "issue_number",
        Code = "HANDLER_FAILED",
        Message = "编号服务不可用",
        CreatedAt = Time(13),
        ResolvedAt = Time(14),
        ResolvedBy = "admin",
    };

    public static TaskCopy Copy(Guid instanceId) => new()
    {
        Id = Guid.NewGuid(),
        InstanceId = instanceId,
        TaskId = Guid.NewGuid(),
        ElementId = "review",
        BusinessKey = "LZ-2026-0001",
        Recipient = "chen.qi",
        FromUser = "li.si",
        Comment = "请知悉",
        CreatedAt = Time(15),
        ReadAt = Time(16),
    };
}
