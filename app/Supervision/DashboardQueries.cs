using Decoupling.Application.Cases;
using Decoupling.Application.Errors;
using Decoupling.Application.Infrastructure;
using Decoupling.Application.People;
using Decoupling.Domain.Departments;
using Decoupling.Domain.Ledger;
using Decoupling.Engine;
using Decoupling.Engine.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Application.Supervision;

/// <summary>The leading group's view of the district (R21) and its ledger export; supervisors only.</summary>
public sealed class DashboardQueries(IServiceScopeFactory scopes, WorkflowEngine engine, CaseNames names, PeopleDirectory people, Register.AssociationStatuses statuses)
{
    public async Task<DashboardSnapshot> SnapshotAsync(CaseActor actor, CancellationToken cancellationToken = default)
    {
        RequireSupervisor(actor);
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var db = scope.Db;
        var associations = await db.Associations.AsNoTracking().ToListAsync(cancellationToken);
        var units = (await scope.Get<DepartmentDirectory>().ListAsync(cancellationToken)).ToDictionary(d => d.Id, d => d.Name);
        var items = (await db.ChecklistItems.AsNoTracking().Select(i => new { i.Category, i.Status }).ToListAsync(cancellationToken))
            .Select(i => (i.Category, i.Status)).ToList();
        var matters = await db.Matters.CountAsync(cancellationToken);
        var zero = await db.Matters.CountAsync(m => m.InPersonVisits == 0, cancellationToken);
        var reports = await engine.ListInstancesAsync(key: "risk-report", state: InstanceState.Active, cancellationToken: cancellationToken);
        var supervision = (await db.SupervisionItems.AsNoTracking().Where(i => i.ClosedAt == null).ToListAsync(cancellationToken))
            .OrderByDescending(i => i.OverdueWorkingDays).ThenBy(i => i.DueAt).ToList();
        return new DashboardSnapshot(associations, units, items, matters, zero, reports,
            await names.ResolveAsync(reports.Select(r => r.BusinessKey), cancellationToken),
            await people.NamesAsync(cancellationToken))
        {
            Supervision = supervision,
            AtMostOneVisitMatters = await db.Matters.CountAsync(m => m.InPersonVisits <= 1, cancellationToken),
            SupervisionClosed = await db.SupervisionItems.CountAsync(i => i.ClosedAt != null, cancellationToken),
            Statuses = await statuses.OfAsync(associations, cancellationToken),
            FormerUnits = await Domain.Register.FormerUnits.AllAsync(db, cancellationToken),
        };
    }

    /// <summary>The ledger workbook (the same as the weekly job's), for the district or, for a unit, its own associations.</summary>
    public async Task<MemoryStream> LedgerAsync(CaseActor actor, CancellationToken cancellationToken = default)
    {
        string? unitCode = null;
        if (!actor.IsLeadership)
        {
            unitCode = actor.SupervisoryUnitId is not null ? actor.Department!.Code : throw new AppException(AppErrors.RegisterEditForbidden);
        }

        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var file = new MemoryStream();
        await DecouplingLedger.WriteAsync(file, await DecouplingLedger.LinesAsync(scope.Db, unitCode, cancellationToken), cancellationToken);
        file.Position = 0;
        return file;
    }

    private static void RequireSupervisor(CaseActor actor)
    {
        if (!actor.IsLeadership)
        {
            throw new AppException(AppErrors.SupervisorsOnly);
        }
    }
}
