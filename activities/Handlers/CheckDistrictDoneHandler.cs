using System.Text.Json.Nodes;
using Decoupling.Activities.Descriptors;
using Decoupling.Activities.Infrastructure;
using Decoupling.Domain.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Handlers;

/// <summary>evaluation.check-district: is every association in the district done, so the evaluation (step 5) can start?</summary>
public sealed class CheckDistrictDoneHandler(IServiceScopeFactory scopes) : ActivityHandler(scopes)
{
    public override ActivityDescriptor Descriptor { get; } = new("evaluation.check-district", "检查全区是否全部完成", "progress",
        "检查全区协会商会是否都已完成（已脱钩、注销、撤销或暂缓并说明原因），决定是否启动成效评估。")
    {
        Outputs = [new("districtDone", "全部完成"), new("districtTotal", "协会商会数"), new("districtFinished", "已完成数")],
    };

    protected override async Task<JsonObject?> RunAsync(ActivityRun run, CancellationToken cancellationToken)
    {
        var total = await run.Scope.Db.Associations.CountAsync(cancellationToken);
        var finished = await run.Scope.Db.Associations.CountAsync(a => DecouplingProgress.FinishedOutcomes.Contains(a.Outcome), cancellationToken);
        return new JsonObject { ["districtDone"] = total > 0 && finished == total, ["districtTotal"] = total, ["districtFinished"] = finished };
    }
}
