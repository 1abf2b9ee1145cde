using Decoupling.Domain.Identity;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Seeding;
using Decoupling.Domain.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Domain.Tests;

public class SeedingTests
{
    [Fact]
    public async Task Seeding_twice_adds_nothing_the_second_time()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Open();

        var first = await new Seeder(db, TestDatabase.SeedFolder).SeedAsync();
        var auditRows = await db.AuditEntries.CountAsync();
        var second = await new Seeder(db, TestDatabase.SeedFolder).SeedAsync();

        Assert.Equal(18, first.Departments);
        Assert.Equal(30, first.Associations);
        Assert.Equal(1, first.Templates);
        Assert.True(first.RoutingRules > 0 && first.CalendarDays > 0);
        Assert.Equal(new SeedReport(0, 0, 0, 0, 0), second);
        Assert.Equal(auditRows, await db.AuditEntries.CountAsync());
        Assert.Equal(30, await db.Associations.CountAsync());
    }

    [Fact]
    public async Task Demo_users_are_created_once_with_their_role_and_unit()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<PlatformDbContext, SqlitePlatformDbContext>(o => PlatformDatabase.UseSqlite(o, database.ConnectionString));
        services.AddIdentityCore<PlatformUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<PlatformDbContext>();
        await using var provider = services.BuildServiceProvider();

        IReadOnlyList<string> created;
        using (var scope = provider.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            created = await new Seeder(db, TestDatabase.SeedFolder).SeedUsersAsync(
                scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>(),
                scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        }

        using (var scope = provider.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            var again = await new Seeder(db, TestDatabase.SeedFolder).SeedUsersAsync(users,
                scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());

            Assert.Empty(again);
            foreach (var role in PlatformRoles.All)
            {
                Assert.NotEmpty(await users.GetUsersInRoleAsync(role));
            }

            var reviewer = await users.FindByNameAsync("bb");
            Assert.True(await users.CheckPasswordAsync(reviewer!, SeedFiles.DemoPassword));
            Assert.Equal("bb", await db.Departments.Where(d => d.Id == reviewer!.DepartmentId).Select(d => d.Code).SingleAsync());
            var staff = await users.FindByNameAsync("assoc.ceramics");
            Assert.NotNull(staff!.AssociationId);
        }

        Assert.Contains("sysadmin", created);
        Assert.Contains("secadmin", created);
        Assert.Contains("auditadmin", created);
    }
}
