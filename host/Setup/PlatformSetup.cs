using Decoupling.Activities;
using Decoupling.Application;
using Decoupling.Domain;
using Decoupling.Domain.Audit;
using Decoupling.Domain.Calendar;
using Decoupling.Domain.Checklists;
using Decoupling.Domain.Departments;
using Decoupling.Domain.Documents;
using Decoupling.Domain.Identity;
using Decoupling.Domain.Matters;
using Decoupling.Domain.Notifications;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Register;
using Decoupling.Domain.Routing;
using Decoupling.Domain.Seals;
using Decoupling.Engine;
using Decoupling.Engine.Persistence;
using Decoupling.Engine.Services;
using Decoupling.Host.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Decoupling.Host.Setup;

/// <summary>Registers the platform's data, identity, domain services and the workflow engine for the configured provider.</summary>
public static class PlatformSetup
{
    public static PlatformSettings AddPlatform(this WebApplicationBuilder builder)
    {
        var settings = PlatformSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        // keys beside the data, so sign-ins survive a restart (and several hosts on one share can read each other's cookies)
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(settings.DataFolder, "keys")))
            .SetApplicationName("Decoupling");
        services.AddIdentity<PlatformUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddSignInManager<PlatformSignInManager>()
            .AddDefaultTokenProviders();
        // the stamp is checked on every request: a sign-out, a lock or a role change ends open sessions at once
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.AccessDeniedPath = "/account/login";
            cookie.Cookie.Name = "luozhuang.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            // the API answers 401/403 instead of redirecting to the sign-in page
            cookie.Events.OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Challenge(context, StatusCodes.Status403Forbidden);
        });

        services.AddDomain(settings.UsePostgres, settings.ConnectionString, settings.FilesFolder);
        services.AddDecouplingActivities(options => options.SeedFolder = settings.SeedFolder ?? "seed");
        services.AddApplication();
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddWorkflowEngine(settings.UsePostgres, settings.ConnectionString, options =>
        {
            builder.Configuration.GetSection("Engine").Bind(options);
            ApplicationServiceCollectionExtensions.RequireForms(options);
        });
        return settings;
    }

    private static Task Challenge(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hangfire"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
