using System.Text.Json.Nodes;
using Decoupling.Application.Cases;
using Decoupling.Application.Infrastructure;
using Decoupling.Domain.Departments;
using Decoupling.Domain.Register;
using Decoupling.Engine;
using Decoupling.Engine.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Application.Procedure;

/// <summary>
/// Steps 4 and 5 start by themselves (R15, R16): a unit's summary when all its in-scope associations are finished, the
/// district evaluation when all of the district's are. Checked whenever a decoupling case ends and once a day, so a
/// missed moment is caught up; the leading-group office can also order either at any time (CaseStarter).
/// </summary>
public sealed class ProcedureTriggers(WorkflowEngine engine, CaseStarter starter, IServiceScopeFactory scopes)
{
    public const string UnitSummary = "unit-summary";
    public const string Evaluation = "evaluation";

    /// <summary>Starts whatever summaries and evaluation are due and not yet started; returns what it started.</summary>
    public async Task<IReadOnlyList<ProcessInstance>> StartDueAsync(CancellationToken cancellationToken = default)
    {
        var started = new List<ProcessInstance>();
        List<Association> associations;
        Dictionary<Guid, Department> units;
        IReadOnlyDictionary<Guid, Guid> formerUnits;
        await using (var scope = UseCaseScope.Open(scopes, "system"))
        {
            associations = await scope.Db.Associations.AsNoTracking().Where(a => !a.Exempt).ToListAsync(cancellationToken);
            units = await scope.Db.Departments.AsNoTracking().Where(d => d.Kind == DepartmentKind.SupervisoryUnit).ToDictionaryAsync(d => d.Id, cancellationToken);
            formerUnits = await FormerUnits.AllAsync(scope.Db, cancellationToken);
        }

        foreach (var (unitId, unit) in units)
        {
            var ofUnit = associations.Where(a => (a.SupervisoryUnitId ?? formerUnits.GetValueOrDefault(a.Id)) == unitId).ToList();
            if (DecouplingProgress.AllFinished(ofUnit) && !await EverStartedAsync(UnitSummary, unit.Code, cancellationToken)
                && await starter.StartForPlatformAsync(UnitSummary, unit.Code, new JsonObject { ["supervisoryUnitCode"] = unit.Code, ["supervisoryUnitName"] = unit.Name }, cancellationToken) is { } summary)
            {
                started.Add(summary);
            }
        }

        if (DecouplingProgress.AllFinished(associations) && !await EverStartedAsync(Evaluation, CaseSubjects.DistrictKey, cancellationToken)
            && await starter.StartForPlatformAsync(Evaluation, CaseSubjects.DistrictKey, [], cancellationToken) is { } evaluation)
        {
            started.Add(evaluation);
        }

        return started;
    }

    /// <summary>
    /// An audit draw becomes work (R22): one audit case per association drawn, in the auditor's inbox, with its facts
    /// (name, credit code, its unit or former unit) from the register.
    /// </summary>
    public async Task<IReadOnlyList<ProcessInstance>> StartAuditChecksAsync(IEnumerable<Guid> associationIds, CancellationToken cancellationToken = default)
    {
        var started = new List<ProcessInstance>();
        foreach (var id in associationIds.Distinct())
        {
            JsonObject facts;
            await using (var scope = UseCaseScope.Open(scopes, "system"))
            {
                var association = await scope.Db.Associations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
                if (association is null)
                {
                    continue;
                }

                facts = await CaseStarter.FactsOfAsync(scope, association, cancellationToken);
            }

            if (await starter.StartForPlatformAsync(AuditCheck, id.ToString(), facts, cancellationToken) is { } instance)
            {
                started.Add(instance);
            }
        }

        return started;
    }

    public const string AuditCheck = "audit-check";

    private async Task<bool> EverStartedAsync(string key, string businessKey, CancellationToken cancellationToken) =>
        (await engine.ListInstancesAsync(key, businessKey, take: 1, cancellationToken: cancellationToken)).Count > 0;
}
