using System.Text.Json.Nodes;
using Decoupling.Activities.Descriptors;
using Decoupling.Activities.Infrastructure;
using Decoupling.Domain.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Handlers;

/// <summary>
/// summary.check-unit: are all associations of a supervisory unit done (decoupled, deregistered, revoked or set aside)?
/// A decoupled association no longer names the unit, so the register's history of SupervisoryUnitId counts too.
/// </summary>
public sealed class CheckUnitDoneHandler(IServiceScopeFactory scopes) : ActivityHandler(scopes)
{
    public override ActivityDescriptor Descriptor { get; } = new("summary.check-unit", "检查主管单位是否全部完成", "progress",
        "检查业务主管单位所属的协会商会是否都已完成（已脱钩、注销、撤销或暂缓），决定是否启动该单位的脱钩工作总结。")
    {
        Inputs = [new("supervisoryUnitCode", "业务主管单位代码", Required: true) { DefaultValue = "${supervisoryUnitCode}", Pattern = "^[a-z]{2,16}$", PatternMessage = "部门代码为 2–16 位小写字母" }],
        Outputs = [new("unitDone", "全部完成"), new("unitTotal", "协会商会数"), new("unitFinished", "已完成数")],
    };

    protected override async Task<JsonObject?> RunAsync(ActivityRun run, CancellationToken cancellationToken)
    {
        var unit = await Lookups.DepartmentAsync(run.Scope, run.RequiredText("supervisoryUnitCode"), Topic, cancellationToken);
        var associations = await UnitAssociationsAsync(run.Scope, unit.Id, cancellationToken);
        var finished = associations.Count(DecouplingProgress.IsFinished);
        return new JsonObject { ["unitDone"] = DecouplingProgress.AllFinished(associations), ["unitTotal"] = associations.Count, ["unitFinished"] = finished };
    }

    public static async Task<List<Association>> UnitAssociationsAsync(ActivityScope scope, Guid unitId, CancellationToken cancellationToken)
    {
        return await FormerUnits.OfUnit(scope.Db, scope.Db.Associations.AsNoTracking(), unitId).ToListAsync(cancellationToken);
    }
}
