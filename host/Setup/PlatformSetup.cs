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
        var masterKey = MasterKeySource.Load(builder.Configuration, settings);
        services.AddSingleton(masterKey);
        // keys beside the data, so sign-ins survive a restart (and several hosts on one share can read each other's cookies),
        // encrypted at rest: by a certificate when one is configured, else SM4 under the master key
        var protection = services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(settings.DataFolder, "keys")))
            .SetApplicationName("Decoupling");
        if (builder.Configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificate)
        {
            protection.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificate, builder.Configuration["DataProtection:CertificatePassword"]));
        }
        else
        {
            services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(o => o.XmlEncryptor = new Sm4XmlEncryptor(masterKey));
        }

        services.AddIdentity<PlatformUser, IdentityRole>(options =>
            {
                // the length is the security administrator's policy (PolicyPasswordValidator); the character classes are fixed
                options.Password.RequiredLength = 1;
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
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddPasswordValidator<PolicyPasswordValidator>()
            .AddDefaultTokenProviders();
        services.AddSingleton(new SecurityPolicyDefaults(builder.Configuration.GetValue("Security:IdleTimeoutMinutes", 30)));
        services.AddScoped<SecurityPolicyService>();
        services.AddScoped<AccountService>();
        // the stamp is checked on every request: a sign-out, a lock or a role change ends open sessions at once; the refreshed
        // principal keeps the "signed in with the second factor" claim, which Identity's claims factory does not know
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.Zero;
            o.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(Policies.SecondFactorClaim) is { } amr && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    identity.AddClaim(new System.Security.Claims.Claim(amr.Type, amr.Value));
                }

                return Task.CompletedTask;
            };
        });
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<TimeProvider>((cookie, time) => cookie.TimeProvider = time);
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.AccessDeniedPath = "/account/login";
            cookie.Cookie.Name = "luozhuang.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            // the idle timeout of the security policy, renewed by every request (IdleSessions)
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            cookie.SlidingExpiration = false;
            var identityCheck = cookie.Events.OnValidatePrincipal;
            cookie.Events.OnValidatePrincipal = context => IdleSessions.ValidateAsync(context, identityCheck);
            cookie.Events.OnSigningIn = IdleSessions.SigningInAsync;
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
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hangfire")
            || context.Request.Path.StartsWithSegments("/metrics") || context.Request.Path.StartsWithSegments("/account/keepalive"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
