using Decoupling.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Components.Services;

/// <summary>
/// Turns business keys into what people recognise: a case started for an association carries the association's id
/// as its business key, shown as the association's name. Other keys are shown as they are.
/// </summary>
public sealed class CaseNames(UiSession session)
{
    public async Task<IReadOnlyDictionary<string, string>> ResolveAsync(IEnumerable<string?> businessKeys)
    {
        var ids = businessKeys.Select(k => Guid.TryParse(k, out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        return await session.RunAsync<IReadOnlyDictionary<string, string>>(async services =>
        {
            var db = services.GetRequiredService<PlatformDbContext>();
            var names = await db.Associations.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync();
            return names.ToDictionary(a => a.Id.ToString(), a => a.Name, StringComparer.OrdinalIgnoreCase);
        });
    }
}
