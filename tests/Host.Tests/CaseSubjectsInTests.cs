using Decoupling.Domain.Persistence;
using Decoupling.Domain.Register;
using Decoupling.Engine;
using Decoupling.Engine.Entities;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Tests;

/// <summary>
/// The subjects tests start cases for. A case about an association names it by id and the platform keeps one open
/// case per association and process, so tests sharing a platform take associations of the seeded register that have
/// no open case of the process yet.
/// </summary>
public static class CaseSubjectsInTests
{
    public static async Task<List<Association>> AssociationsWithoutOpenCaseAsync(this PlatformFactory platform, string key, int count,
        Func<Association, bool>? where = null)
    {
        using var scope = platform.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var engine = platform.Services.GetRequiredService<WorkflowEngine>();
        var open = (await engine.ListInstancesAsync(key, state: InstanceState.Active, take: 10_000)).Select(i => i.BusinessKey).ToHashSet();
        var free = (await db.Associations.AsNoTracking().OrderBy(a => a.Name).ToListAsync())
            .Where(a => !open.Contains(a.Id.ToString()) && (where?.Invoke(a) ?? true))
            .Take(count)
            .ToList();
        Assert.True(free.Count == count, $"the register has only {free.Count} associations without an open {key} case");
        return free;
    }

    public static async Task<Association> AssociationWithoutOpenCaseAsync(this PlatformFactory platform, string key, Func<Association, bool>? where = null) =>
        (await platform.AssociationsWithoutOpenCaseAsync(key, 1, where))[0];

    /// <summary>The id of a supervisory unit's department by its code (jxj, swj, …).</summary>
    public static Guid UnitId(this PlatformFactory platform, string code)
    {
        using var scope = platform.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Departments.Single(d => d.Code == code).Id;
    }
}
