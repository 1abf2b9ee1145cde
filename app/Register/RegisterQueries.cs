using Decoupling.Application.Access;
using Decoupling.Application.Cases;
using Decoupling.Application.Errors;
using Decoupling.Application.Infrastructure;
using Decoupling.Application.People;
using Decoupling.Domain.Departments;
using Decoupling.Domain.Excel;
using Decoupling.Domain.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Application.Register;

/// <summary>The register as each reader may see it (<see cref="AssociationAccess"/>), and its import for the leading-group office.</summary>
public sealed class RegisterQueries(IServiceScopeFactory scopes, ProgressQueries progress, AssociationStatuses statuses)
{
    /// <summary>An entry as its page shows it: the record, its history, its unit's name and its ties with agencies (R4).</summary>
    public sealed record Entry(Association Association, IReadOnlyList<AssociationChange> History, string? UnitName)
    {
        public IReadOnlyList<AssociationRelationship> Relationships { get; init; } = [];
    }

    public async Task<(IReadOnlyList<Association> Items, int Total)> SearchAsync(CaseActor actor, string? search, RegistrationStatus? status = null,
        int skip = 0, int take = 50, CancellationToken cancellationToken = default)
    {
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var access = AssociationAccess.Of(actor);
        if (!access.District && access.SupervisoryUnitId is null)
        {
            // association staff see their own record; a reviewer sees none
            var own = access.AssociationId is { } id ? await access.FindAsync(scope.Db, id, cancellationToken) : null;
            return (own is null ? [] : [own], own is null ? 0 : 1);
        }

        return await scope.Get<RegisterService>().SearchAsync(search, access.SupervisoryUnitId, status, skip, take, cancellationToken);
    }

    public async Task<Entry> GetAsync(CaseActor actor, Guid id, CancellationToken cancellationToken = default)
    {
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var association = await AssociationAccess.Of(actor).FindAsync(scope.Db, id, cancellationToken)
            ?? throw new AppException(AppErrors.AssociationNotVisible, id);
        var unit = association.SupervisoryUnitId is { } unitId ? await scope.Db.Departments.AsNoTracking().Where(d => d.Id == unitId).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken) : null;
        return new Entry(association, await scope.Get<RegisterService>().HistoryAsync(id, cancellationToken), unit)
        {
            // 主办、主管、联系、挂靠 as the source lists them (the database may order the kind by its stored text)
            Relationships = [.. (await scope.Get<RelationshipService>().ListAsync(id, cancellationToken)).OrderBy(r => r.Kind).ThenBy(r => r.Agency, StringComparer.Ordinal)],
        };
    }

    /// <summary>The entry's status with the case the actor may see (the portal's and the register entry's panel).</summary>
    public async Task<AssociationStatus> StatusAsync(CaseActor actor, Guid id, CancellationToken cancellationToken = default)
    {
        Association association;
        await using (var scope = UseCaseScope.Open(scopes, actor.UserName))
        {
            association = await AssociationAccess.Of(actor).FindAsync(scope.Db, id, cancellationToken)
                ?? throw new AppException(AppErrors.AssociationNotVisible, id);
        }

        return AssociationStatus.Of(association, await progress.OfAssociationAsync(actor, id, cancellationToken));
    }

    /// <summary>The statuses of entries the actor found with <see cref="SearchAsync"/>.</summary>
    public Task<IReadOnlyDictionary<Guid, AssociationStatus>> StatusesAsync(IReadOnlyCollection<Association> found, CancellationToken cancellationToken = default) =>
        statuses.OfAsync(found, cancellationToken);

    public async Task<MemoryStream> ExportAsync(CaseActor actor, CancellationToken cancellationToken = default)
    {
        var access = AssociationAccess.Of(actor);
        if (!access.District && access.SupervisoryUnitId is null)
        {
            throw new AppException(AppErrors.RegisterEditForbidden);
        }

        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var file = new MemoryStream();
        await scope.Get<RegisterExporter>().ExportAsync(file, access.SupervisoryUnitId, cancellationToken);
        file.Position = 0;
        return file;
    }

    public async Task<ImportReport> ImportAsync(CaseActor actor, Stream file, bool dryRun, CancellationToken cancellationToken = default)
    {
        if (!AssociationAccess.Of(actor).MayEditRegister || !actor.IsLeadership)
        {
            throw new AppException(AppErrors.RegisterEditForbidden);
        }

        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        return await scope.Get<RegisterImporter>().ImportAsync(file, dryRun, cancellationToken);
    }

    /// <summary>Department names by id (for showing units, never codes).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> UnitNamesAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = UseCaseScope.Open(scopes, null);
        return (await scope.Get<DepartmentDirectory>().ListAsync(cancellationToken)).ToDictionary(d => d.Id, d => d.Name);
    }
}
