using Decoupling.Application.Access;
using Decoupling.Application.Infrastructure;
using Decoupling.Application.People;
using Decoupling.Domain.Departments;
using Decoupling.Domain.Identity;
using Decoupling.Domain.Register;
using Decoupling.Engine;
using Decoupling.Engine.Errors;
using Decoupling.Engine.Model;
using Decoupling.Engine.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Application.Cases;

/// <summary>
/// Which processes a person may start and what starting one asks of them, read from the published definitions: the
/// candidate starters (through the access policy, the same rule <see cref="CaseStarter"/> and the engine apply), the
/// start event's form and the process's case subject. A process redesigned in the designer changes the page without code.
/// </summary>
public sealed class StartableProcesses(WorkflowEngine engine, Engine.Access.IAccessPolicy policy, IServiceScopeFactory scopes)
{
    private const int MaxSubjects = 50;

    /// <summary>The processes <paramref name="actor"/> may start (latest versions with a none start event), by name.</summary>
    public async Task<IReadOnlyList<StartableProcess>> ListAsync(CaseActor actor, CancellationToken cancellationToken = default)
    {
        var keys = (await engine.ListDefinitionsAsync(cancellationToken: cancellationToken)).Select(d => d.Key).Distinct(StringComparer.Ordinal).ToList();
        var result = new List<StartableProcess>();
        foreach (var key in keys)
        {
            if (await engine.LatestProcessAsync(key, cancellationToken) is { } process && Startable(process, actor))
            {
                result.Add(new StartableProcess(key, process.Name ?? key, SubjectOf(process)));
            }
        }

        return [.. result.OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    /// <summary>The start form of one process for <paramref name="actor"/>; refused like a start when they may not start it.</summary>
    public async Task<StartForm> FormAsync(CaseActor actor, string key, CancellationToken cancellationToken = default)
    {
        var process = await StartableAsync(actor, key, cancellationToken);
        var subject = SubjectOf(process);
        var fields = await engine.StartFormAsync(key, cancellationToken);
        var access = AssociationAccess.Of(actor);
        var seesAssociations = access.District || access.SupervisoryUnitId is not null || actor.Association is not null;
        var ownAssociation = actor.Association is { } a ? new StartSubject(a.Id.ToString(), a.Name) : null;
        var ownUnit = actor.IsIn(PlatformRoles.SupervisoryUnit) && actor.Department is { } d ? new StartSubject(d.Code, d.Name) : null;
        var name = process.Name ?? key;
        return subject switch
        {
            CaseSubjects.Association => new StartForm(key, name, subject, "协会商会", true, ownAssociation, ownAssociation is not null, fields),
            CaseSubjects.Registration => new StartForm(key, name, subject, "协会商会（成立登记不选）", false, ownAssociation, false, fields),
            CaseSubjects.Report when seesAssociations =>
                new StartForm(key, name, subject, "涉及的协会商会（可不选）", false, ownAssociation, ownAssociation is not null, fields),
            CaseSubjects.Unit => new StartForm(key, name, subject, "业务主管单位", true, actor.IsLeadership ? null : ownUnit, !actor.IsLeadership, fields),
            _ => new StartForm(key, name, subject, null, false, null, false, fields),
        };
    }

    /// <summary>
    /// Subjects <paramref name="actor"/> may start <paramref name="key"/> for, matching <paramref name="search"/>: the
    /// associations they may act for (their own, their unit's, the district's), or the supervisory units.
    /// </summary>
    public async Task<IReadOnlyList<StartSubject>> SubjectsAsync(CaseActor actor, string key, string? search, CancellationToken cancellationToken = default)
    {
        var process = await StartableAsync(actor, key, cancellationToken);
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        switch (SubjectOf(process))
        {
            case CaseSubjects.Association or CaseSubjects.Registration or CaseSubjects.Report:
                var access = AssociationAccess.Of(actor);
                if (!access.District && access.SupervisoryUnitId is null)
                {
                    var own = access.AssociationId is { } id ? await access.FindAsync(scope.Db, id, cancellationToken) : null;
                    return own is null || !Matches(own.Name, search) ? [] : [Of(own)];
                }

                var (items, _) = await scope.Get<RegisterService>().SearchAsync(search, access.SupervisoryUnitId, take: MaxSubjects, cancellationToken: cancellationToken);
                return [.. items.Select(Of)];
            case CaseSubjects.Unit:
                return [.. (await scope.Get<DepartmentDirectory>().ListAsync(cancellationToken))
                    .Where(u => u.Kind == DepartmentKind.SupervisoryUnit && u.IsActive && MayActFor(actor, u) && Matches(u.Name, search))
                    .Take(MaxSubjects).Select(u => new StartSubject(u.Code, u.Name))];
            default:
                return [];
        }
    }

    /// <summary>The subject named by <paramref name="subjectKey"/> (a link's pre-selection), or null when it is none the actor may act for.</summary>
    public async Task<StartSubject?> FindSubjectAsync(CaseActor actor, string key, string? subjectKey, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(subjectKey))
        {
            return null;
        }

        var process = await StartableAsync(actor, key, cancellationToken);
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        switch (SubjectOf(process))
        {
            case CaseSubjects.Association or CaseSubjects.Registration or CaseSubjects.Report:
                var association = Guid.TryParse(subjectKey, out var id) ? await AssociationAccess.Of(actor).FindAsync(scope.Db, id, cancellationToken) : null;
                return association is null ? null : Of(association);
            case CaseSubjects.Unit:
                var unit = await scope.Get<DepartmentDirectory>().FindByCodeAsync(subjectKey, cancellationToken);
                return unit is { Kind: DepartmentKind.SupervisoryUnit } && MayActFor(actor, unit) ? new StartSubject(unit.Code, unit.Name) : null;
            default:
                return null;
        }
    }

    private async Task<ProcessDefinition> StartableAsync(CaseActor actor, string key, CancellationToken cancellationToken)
    {
        var process = await engine.LatestProcessAsync(key, cancellationToken) ?? throw new EngineException(EngineErrors.DefinitionKeyNotFound, key);
        return Startable(process, actor) ? process : throw new EngineException(EngineErrors.StartForbidden, process.Name ?? key);
    }

    private bool Startable(ProcessDefinition process, CaseActor actor) => process.NoneStartOf(null) is not null && policy.MayStart(process, actor.Actor);

    private static string? SubjectOf(ProcessDefinition process) => process.Properties.GetValueOrDefault(CaseSubjects.Property);

    private static bool MayActFor(CaseActor actor, Department unit) => actor.IsLeadership || actor.SupervisoryUnitId == unit.Id;

    private static bool Matches(string name, string? search) => string.IsNullOrWhiteSpace(search) || name.Contains(search.Trim(), StringComparison.Ordinal);

    private static StartSubject Of(Association association) =>
        new(association.Id.ToString(), association.Exempt ? $"{association.Name}（不纳入脱钩范围）" : association.Name);
}
