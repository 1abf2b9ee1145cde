using System.Text.Json;
using System.Text.Json.Serialization;
using Decoupling.Domain.Calendar;
using Decoupling.Domain.Checklists;
using Decoupling.Domain.Common;
using Decoupling.Domain.Departments;
using Decoupling.Domain.Identity;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Register;
using Decoupling.Domain.Routing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Seeding;

/// <summary>
/// Loads seed/ into the database. Idempotent: departments, calendar days and demo users are added when missing by
/// their key; the routing table, checklist template and register are loaded only into an empty table, because once
/// people edit them the seed must not come back.
/// </summary>
public sealed class Seeder(PlatformDbContext db, string seedFolder, TimeProvider? time = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<SeedReport> SeedAsync(CancellationToken cancellationToken = default)
    {
        var departments = await SeedDepartmentsAsync(cancellationToken);
        var routing = await SeedRoutingAsync(cancellationToken);
        var days = await SeedCalendarAsync(cancellationToken);
        var templates = await SeedTemplateAsync(cancellationToken);
        var associations = await SeedRegisterAsync(cancellationToken);
        return new SeedReport(departments, routing, days, templates, associations);
    }

    /// <summary>
    /// Creates the roles and the demo accounts of seed/users.json that do not exist yet, all with
    /// <paramref name="password"/> (default <see cref="SeedFiles.DemoPassword"/>). Run after <see cref="SeedAsync"/>.
    /// Returns the user names created.
    /// </summary>
    public async Task<IReadOnlyList<string>> SeedUsersAsync(UserManager<PlatformUser> users, RoleManager<IdentityRole> roles,
        string password = SeedFiles.DemoPassword, CancellationToken cancellationToken = default)
    {
        foreach (var role in PlatformRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), role);
            }
        }

        var created = new List<string>();
        foreach (var seed in Load<List<UserSeed>>(SeedFiles.Users))
        {
            if (await users.FindByNameAsync(seed.UserName) is not null)
            {
                continue;
            }

            var user = new PlatformUser
            {
                UserName = seed.UserName,
                Email = $"{seed.UserName}@luozhuang.example",
                EmailConfirmed = true,
                DisplayName = seed.DisplayName,
                DepartmentId = seed.DepartmentCode is null ? null
                    : await db.Departments.Where(d => d.Code == seed.DepartmentCode).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken)
                      ?? throw Invalid(SeedFiles.Users, seed.DepartmentCode),
                AssociationId = seed.AssociationName is null ? null
                    : await db.Associations.Where(a => a.Name == seed.AssociationName).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken)
                      ?? throw Invalid(SeedFiles.Users, seed.AssociationName),
            };
            Check(await users.CreateAsync(user, password), seed.UserName);
            Check(await users.AddToRoleAsync(user, seed.Role), seed.UserName);
            if (seed.DemoTotpSecret is { Length: > 0 } secret)
            {
                // Identity's own store keeps the authenticator key as this token (UserStoreBase: [AspNetUserStore] AuthenticatorKey)
                Check(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", secret), seed.UserName);
                Check(await users.SetTwoFactorEnabledAsync(user, true), seed.UserName);
            }

            created.Add(seed.UserName);
        }

        return created;
    }

    private async Task<int> SeedDepartmentsAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Departments.Select(d => d.Code).ToListAsync(cancellationToken);
        var added = 0;
        var order = 0;
        foreach (var seed in Load<List<DepartmentSeed>>(SeedFiles.Departments))
        {
            order++;
            if (existing.Contains(seed.Code))
            {
                continue;
            }

            db.Departments.Add(new Department
            {
                Code = seed.Code, Name = seed.Name, ShortName = seed.ShortName, Kind = seed.Kind,
                DocumentNumberPrefix = seed.DocumentNumberPrefix, SortOrder = order,
            });
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private async Task<int> SeedRoutingAsync(CancellationToken cancellationToken)
    {
        if (await db.RoutingRules.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var rules = Load<List<RoutingSeed>>(SeedFiles.Routing).Select((r, i) => new RoutingRule
        {
            Category = r.Category, ItemCode = r.ItemCode, Keyword = r.Keyword, DepartmentCodes = r.DepartmentCodes,
            Note = r.Note, SortOrder = i,
        }).ToList();
        await new RoutingService(db).ReplaceTableAsync(rules, cancellationToken);
        return rules.Count;
    }

    private async Task<int> SeedCalendarAsync(CancellationToken cancellationToken)
    {
        var existing = (await db.CalendarDays.Select(d => d.Date).ToListAsync(cancellationToken)).ToHashSet();
        var added = 0;
        foreach (var seed in Load<List<HolidaySeed>>(SeedFiles.Holidays).Where(s => !existing.Contains(s.Date)))
        {
            db.CalendarDays.Add(new CalendarDay { Date = seed.Date, Kind = seed.Kind, Name = seed.Name });
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private async Task<int> SeedTemplateAsync(CancellationToken cancellationToken)
    {
        if (await db.ChecklistTemplates.AnyAsync(cancellationToken))
        {
            return 0;
        }

        await using var file = Open(SeedFiles.ChecklistTemplate);
        var (template, issues) = ChecklistService.ReadTemplate(SeedFiles.DefaultTemplateName, file);
        if (template is null)
        {
            throw Invalid(SeedFiles.ChecklistTemplate, string.Join("；", issues.Select(i => i.Describe())));
        }

        template.IsDefault = true;
        db.ChecklistTemplates.Add(template);
        await db.SaveChangesAsync(cancellationToken);
        return 1;
    }

    private async Task<int> SeedRegisterAsync(CancellationToken cancellationToken)
    {
        if (await db.Associations.AnyAsync(cancellationToken))
        {
            return 0;
        }

        await using var file = Open(SeedFiles.Register);
        var report = await new RegisterImporter(db, time ?? TimeProvider.System).ImportAsync(file, dryRun: false, cancellationToken);
        if (!report.IsValid)
        {
            throw Invalid(SeedFiles.Register, string.Join("；", report.Issues.Take(5).Select(i => i.Describe())));
        }

        return report.Imported;
    }

    private T Load<T>(string name)
    {
        using var stream = Open(name);
        try
        {
            return JsonSerializer.Deserialize<T>(stream, Json) ?? throw Invalid(name, "null");
        }
        catch (JsonException e)
        {
            throw Invalid(name, e.Message);
        }
    }

    private FileStream Open(string name)
    {
        var path = Path.Combine(seedFolder, name);
        return File.Exists(path) ? File.OpenRead(path) : throw new DomainException(DomainErrorCodes.SeedFileMissing, path);
    }

    private static DomainException Invalid(string file, string? detail) => new(DomainErrorCodes.SeedFileInvalid, file, detail);

    private static void Check(IdentityResult result, string who)
    {
        if (!result.Succeeded)
        {
            throw new DomainException(DomainErrorCodes.UserCreateFailed, who, string.Join("；", result.Errors.Select(e => e.Description)));
        }
    }
}
