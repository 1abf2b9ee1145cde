using Decoupling.Domain.Common;
using Decoupling.Domain.Identity;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Domain.Tests;

/// <summary>三员分立 in the account rules: one role per account, no administrator doubling up, nobody changing themselves.</summary>
public sealed class AccountRuleTests
{
    [Fact]
    public async Task An_administrator_account_cannot_take_another_role_and_nobody_changes_their_own()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var provider = Services(database);
        await using var scope = provider.CreateAsyncScope();
        var seeder = new Decoupling.Domain.Seeding.Seeder(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), TestDatabase.SeedFolder);
        await seeder.SeedUsersAsync(scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>(), scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var sysadmin = (await users.FindByNameAsync("sysadmin"))!;
        var czj = (await users.FindByNameAsync("czj"))!;

        var doubled = await Assert.ThrowsAsync<DomainValidationException>(() => accounts.AssignAsync("secadmin", sysadmin.Id, new RoleAssignment(PlatformRoles.AuditAdmin, null, null)));
        Assert.Equal(DomainErrorCodes.AccountRolesSeparated, doubled.Errors[0].Code);
        Assert.Contains("三员分立", doubled.Errors[0].Message, StringComparison.Ordinal);
        var promoted = await Assert.ThrowsAsync<DomainValidationException>(() => accounts.AssignAsync("secadmin", czj.Id, new RoleAssignment(PlatformRoles.SystemAdmin, null, null)));
        Assert.Equal(DomainErrorCodes.AccountRolesSeparated, promoted.Errors[0].Code);
        var secadmin = (await users.FindByNameAsync("secadmin"))!;
        var self = await Assert.ThrowsAsync<DomainException>(() => accounts.SetLockedAsync("secadmin", secadmin.Id, true));
        Assert.Equal(DomainErrorCodes.AccountSelfChange, self.Code);

        // a business role moves as a whole, with its unit, and needs one
        var unitless = await Assert.ThrowsAsync<DomainValidationException>(() => accounts.AssignAsync("secadmin", czj.Id, new RoleAssignment(PlatformRoles.SupervisoryUnit, null, null)));
        Assert.Equal("departmentId", unitless.Errors[0].Field);
        var jxj = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Departments.SingleAsync(d => d.Code == "jxj");
        await accounts.AssignAsync("secadmin", czj.Id, new RoleAssignment(PlatformRoles.SupervisoryUnit, jxj.Id, null));
        Assert.Equal([PlatformRoles.SupervisoryUnit], await users.GetRolesAsync((await users.FindByNameAsync("czj"))!));

        // the seeded administrators hold exactly one administrator role each
        foreach (var name in new[] { "sysadmin", "secadmin", "auditadmin" })
        {
            var roles = await users.GetRolesAsync((await users.FindByNameAsync(name))!);
            Assert.Single(roles);
            Assert.True(PlatformRoles.IsAdministrator(roles[0]));
        }
    }

    private static ServiceProvider Services(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<PlatformDbContext>(_ => database.Open());
        services.AddIdentityCore<PlatformUser>(o => o.Password.RequiredLength = 1).AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PlatformDbContext>().AddErrorDescriber<ChineseIdentityErrors>().AddDefaultTokenProviders();
        services.AddScoped<AccountService>();
        return services.BuildServiceProvider();
    }
}
