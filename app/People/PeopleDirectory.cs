using Decoupling.Application.Infrastructure;
using Decoupling.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Application.People;

/// <summary>Everyone with an account, with their display names and engine actors, read in three queries (names, pickers).</summary>
public sealed class PeopleDirectory(IServiceScopeFactory scopes)
{
    public sealed record Person(string UserName, string DisplayName, string? UnitName, Engine.Services.Actor Actor)
    {
        /// <summary>How people read a colleague: 张三（区财政局）.</summary>
        public string Label => UnitName is null ? DisplayName : $"{DisplayName}（{UnitName}）";
    }

    public async Task<IReadOnlyList<Person>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = UseCaseScope.Open(scopes, null);
        var db = scope.Db;
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, cancellationToken);
        var associations = await db.Associations.AsNoTracking().Where(a => users.Select(u => u.AssociationId).Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        return users.Select(u =>
        {
            var department = u.DepartmentId is { } d ? departments.GetValueOrDefault(d) : null;
            var unit = department?.Name ?? (u.AssociationId is { } a ? associations.GetValueOrDefault(a) : null);
            var userRoles = roles.Where(r => r.UserId == u.Id && r.Name is not null).Select(r => r.Name!).ToList();
            return new Person(u.UserName!, string.IsNullOrEmpty(u.DisplayName) ? u.UserName! : u.DisplayName, unit, CaseActor.ActorOf(u, department?.Code, userRoles));
        }).ToList();
    }

    /// <summary>Display names by user name; "system" is the platform itself.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(CancellationToken cancellationToken = default)
    {
        var names = (await AllAsync(cancellationToken)).ToDictionary(p => p.UserName, p => p.Label, StringComparer.Ordinal);
        names["system"] = "系统";
        return names;
    }
}
