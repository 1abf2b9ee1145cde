using Decoupling.Application.People;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Services;

namespace Decoupling.Host.Notifications;

/// <summary>Turns a step's engine events into in-app notices: a new task for its assignee or department, an urge, a copy.</summary>
public sealed class NoticeComposer : IEngineListener
{
    public List<PendingNotice> Notices { get; } = [];

    public void TaskCreated(HumanTask task)
    {
        var title = $"新待办：{task.Name ?? task.ElementId}";
        var body = task.DueAt is { } due ? $"请于 {due.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm} 前办理。" : "请及时办理。";
        var key = $"task:{task.Id:N}:{task.Assignee}";
        if (task.Assignee is { } assignee)
        {
            Notices.Add(new PendingNotice(key, title, body, assignee, null, $"/tasks/{task.Id}"));
            return;
        }

        foreach (var group in task.CandidateGroups.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (group.StartsWith(CaseActor.DepartmentGroupPrefix, StringComparison.Ordinal))
            {
                Notices.Add(new PendingNotice($"{key}:{group}", title, body, null, group[CaseActor.DepartmentGroupPrefix.Length..], $"/tasks/{task.Id}"));
            }
            else if (group.StartsWith(CaseActor.AssociationGroupPrefix, StringComparison.Ordinal)
                     && Guid.TryParse(group[CaseActor.AssociationGroupPrefix.Length..], out var association))
            {
                // the association's own steps (自查, 补正): its staff hear of them as a department's people do
                Notices.Add(new PendingNotice($"{key}:{group}", title, body, null, null, $"/tasks/{task.Id}", association));
            }
        }
    }

    public void TaskUrged(HumanTask task, string by, string? comment)
    {
        if (task.Assignee is { } assignee)
        {
            Notices.Add(new PendingNotice($"urge:{task.Id:N}:{task.UrgeCount}", $"催办：{task.Name ?? task.ElementId}", comment ?? $"{by} 催办此事项，请尽快办理。", assignee, null, $"/tasks/{task.Id}"));
        }
    }

    public void TaskCopied(TaskCopy copy) =>
        Notices.Add(new PendingNotice($"copy:{copy.Id:N}", "抄送给您的事项", copy.Comment ?? $"{copy.FromUser} 抄送了一件事项。", copy.Recipient, null, copy.TaskId is { } t ? $"/tasks/{t}" : null));
}
