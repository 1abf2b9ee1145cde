using Decoupling.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Departments;

/// <summary>Look-ups of departments by code or by the name people write in spreadsheets.</summary>
public sealed class DepartmentDirectory(PlatformDbContext db)
{
    public Task<List<Department>> ListAsync(CancellationToken cancellationToken = default) =>
        db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Code).ToListAsync(cancellationToken);

    public Task<Department?> FindByCodeAsync(string code, CancellationToken cancellationToken = default) =>
        db.Departments.FirstOrDefaultAsync(d => d.Code == code, cancellationToken);

    /// <summary>Name lookup table (full name and short name, spaces ignored) for resolving spreadsheet cells.</summary>
    public async Task<IReadOnlyDictionary<string, Department>> ByNameAsync(CancellationToken cancellationToken = default)
    {
        var map = new Dictionary<string, Department>(StringComparer.Ordinal);
        foreach (var department in await db.Departments.AsNoTracking().ToListAsync(cancellationToken))
        {
            map.TryAdd(NormalizeName(department.Name), department);
            if (!string.IsNullOrWhiteSpace(department.ShortName))
            {
                map.TryAdd(NormalizeName(department.ShortName), department);
            }
        }

        return map;
    }

    public static string NormalizeName(string name) =>
        new string(name.Where(c => !char.IsWhiteSpace(c)).ToArray()).Replace('(', '（').Replace(')', '）');
}
