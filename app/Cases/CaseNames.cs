using Decoupling.Application.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Application.Cases;

/// <summary>
/// Turns business keys into what people recognise: an association's id into its name, a unit's code into the unit's
/// name, "district" into 罗庄区. Unknown keys are shown as they are.
/// </summary>
public sealed class CaseNames(IServiceScopeFactory scopes)
{
    public async Task<IReadOnlyDictionary<string, string>> ResolveAsync(IEnumerable<string?> businessKeys, CancellationToken cancellationToken = default)
    {
        var keys = businessKeys.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (keys.Count == 0)
        {
            return result;
        }

        await using var scope = UseCaseScope.Open(scopes, null);
        var ids = keys.Select(k => Guid.TryParse(k, out var id) ? id : (Guid?)null).OfType<Guid>().ToList();
        foreach (var a in await scope.Db.Associations.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
        {
            result[a.Id.ToString()] = a.Name;
        }

        var codes = keys.Where(k => !Guid.TryParse(k, out _)).ToList();
        foreach (var d in await scope.Db.Departments.AsNoTracking().Where(d => codes.Contains(d.Code)).Select(d => new { d.Code, d.Name }).ToListAsync(cancellationToken))
        {
            result[d.Code] = d.Name;
        }

        if (keys.Contains(CaseSubjects.DistrictKey))
        {
            result[CaseSubjects.DistrictKey] = "罗庄区";
        }

        return result;
    }

    /// <summary>Department names by code (审核部门 are stored as codes; people read names).</summary>
    public async Task<IReadOnlyDictionary<string, string>> DepartmentsByCodeAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = UseCaseScope.Open(scopes, null);
        return await scope.Db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);
    }

    public async Task<string> NameOfAsync(string? businessKey, CancellationToken cancellationToken = default) =>
        businessKey is null ? "—" : (await ResolveAsync([businessKey], cancellationToken)).GetValueOrDefault(businessKey, businessKey);
}
