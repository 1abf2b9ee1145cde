using System.Text.Json.Nodes;
using Decoupling.Activities.Descriptors;
using Decoupling.Activities.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Handlers;

/// <summary>notify: an in-app notice to a department or a user, sent once per dedup key (by default once per activation).</summary>
public sealed class NotifyHandler(IServiceScopeFactory scopes) : ActivityHandler(scopes)
{
    public override ActivityDescriptor Descriptor { get; } = new("notify", "发送通知", "notification",
        "向部门或用户发送站内通知；同一去重键只发送一次（默认每个任务实例一次，催办提醒每次触发各发一次）。")
    {
        Inputs =
        [
            new("recipientDepartmentCode", "接收部门代码") { Pattern = "^[a-z]{2,16}$", PatternMessage = "部门代码为 2–16 位小写字母" },
            new("recipientUserId", "接收用户"),
            new("recipientGroup", "接收组") { Description = "dept:部门代码 或 assoc:协会商会 ID（发给该协会全部工作人员）" },
            new("title", "标题", Required: true),
            new("body", "内容", InputType.Text),
            new("link", "链接"),
            new("dedupKey", "去重键") { Description = "空则按任务实例去重" },
        ],
        Outputs = [new("notificationId", "通知 ID")],
    };

    protected override async Task<JsonObject?> RunAsync(ActivityRun run, CancellationToken cancellationToken)
    {
        Guid? department = null;
        if (run.Text("recipientDepartmentCode") is { } code)
        {
            department = (await Lookups.DepartmentAsync(run.Scope, code, Topic, cancellationToken)).Id;
        }

        var user = run.Text("recipientUserId");
        var group = run.Text("recipientGroup");
        var key = run.Text("dedupKey") ?? run.Context.IdempotencyKey;
        if (group is not null && group.StartsWith("dept:", StringComparison.Ordinal))
        {
            department = (await Lookups.DepartmentAsync(run.Scope, group["dept:".Length..], Topic, cancellationToken)).Id;
        }
        else if (group is not null && group.StartsWith("assoc:", StringComparison.Ordinal) && Guid.TryParse(group["assoc:".Length..], out var association))
        {
            var sent = await run.Scope.Notifications.SendToAssociationAsync(key, run.RequiredText("title"), run.Text("body") ?? "", association, run.Text("link"), cancellationToken);
            return new JsonObject { ["notificationId"] = sent.FirstOrDefault()?.Id.ToString() };
        }

        if (department is null && user is null)
        {
            throw new ActivityInputException(Topic, "recipientDepartmentCode", "须指定接收部门、接收组或接收用户");
        }

        var notice = await run.Scope.Notifications.SendAsync(key, run.RequiredText("title"), run.Text("body") ?? "", user, department, run.Text("link"), cancellationToken);
        return new JsonObject { ["notificationId"] = notice.Id.ToString() };
    }
}
