using Decoupling.Host.Cli;
using Decoupling.Host.Components;
using Decoupling.Host.Components.Account;
using Decoupling.Host.Components.Services;
using Decoupling.Host.Endpoints.Audit;
using Decoupling.Host.Endpoints.Calendar;
using Decoupling.Host.Endpoints.Risks;
using Decoupling.Host.Endpoints.Publications;
using Decoupling.Host.Endpoints.Auth;
using Decoupling.Host.Endpoints.Checklists;
using Decoupling.Host.Endpoints.Documents;
using Decoupling.Host.Endpoints.Notifications;
using Decoupling.Host.Endpoints.Register;
using Decoupling.Host.Endpoints.Routing;
using Decoupling.Host.Endpoints.Seals;
using Decoupling.Host.Endpoints.Users;
using Decoupling.Host.Jobs;
using Decoupling.Host.Notifications;
using Decoupling.Host.Observability;
using Decoupling.Host.Endpoints.Definitions;
using Decoupling.Host.Endpoints.Departments;
using Decoupling.Host.Endpoints.ElementTemplates;
using Decoupling.Host.Endpoints.Instances;
using Decoupling.Host.Endpoints.Jobs;
using Decoupling.Host.Endpoints.Tasks;
using Decoupling.Host.Endpoints.Processes;
using Decoupling.Host.Security;
using Decoupling.Host.Setup;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;

// The same executable serves the platform and runs the command-line tools (simulate, verify, backup, restore); the first argument decides.
if (args.Length > 0 && args[0] == "simulate")
{
    return await SimulateCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == "verify")
{
    return await VerifyCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == "backup")
{
    return await BackupCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == "restore")
{
    return await RestoreCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

// the content root is the application's own folder whatever the working directory (which keeps ./data the caller's)
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? "http://127.0.0.1:5080");
// package assets (MudBlazor's css and js) are served from the build output in every environment, not only Development:
// `dotnet run --project host` runs as Production and must look right
builder.WebHost.UseStaticWebAssets();
var settings = builder.AddPlatform();
builder.AddPlatformObservability();
builder.Services.AddPlatformJobs(builder.Configuration, settings.UsePostgres ? settings.ConnectionString : null);
builder.Services.AddLocalization();
// server-rendered pages carry Chinese as characters, not as &#x7F57; entities (readable source, a third of the bytes);
// the encoder still escapes everything that is markup
builder.Services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddMudServices();
builder.Services.AddScoped<UiSession>();
builder.Services.AddScoped<Downloads>();
builder.Services.AddScoped<NoticeCounter>();
builder.Services.AddScoped<NoticeOpener>();
builder.Services.AddPlatformPolicies();
builder.Services.AddProblemDetails();
// outside Development a body that cannot be bound would get an empty 400; throwing lets ProblemMapper say what and where
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
builder.Services.AddExceptionHandler<ProblemMapper>();
builder.Services.AddOpenApi();
// behind the reverse proxy (on loopback, the only proxies trusted by default) the request's scheme is the proxy's:
// cookies become Secure and HSTS is sent once the proxy says the browser came over HTTPS
builder.Services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
builder.Services.AddHsts(o =>
{
    o.MaxAge = TimeSpan.FromDays(365);
    o.IncludeSubDomains = true;
});
builder.Services.AddSingleton<IElementTemplateCatalog, ActivityElementTemplates>();
builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection("Outbox"));
builder.Services.AddScoped<Decoupling.Domain.Outbox.OutboxStore>();
builder.Services.AddSingleton<OutboxDispatcher>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
builder.Services.AddSingleton<Decoupling.Engine.Services.IEngineListener, OutboxNotices>();
// idle sessions: a circuit's activity, and its user checked again every 30 s (idle time, lock, security stamp)
builder.Services.AddScoped<CircuitActivity>();
builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, IdleCircuitHandler>();
builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, IdleRevalidatingStateProvider>();
builder.Services.AddSingleton<Decoupling.Engine.Services.IEngineListener, ProcedureListener>();

var app = builder.Build();
await app.InitializePlatformAsync();

app.UseForwardedHeaders();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseExceptionHandler();
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture("zh-CN"),
    SupportedCultures = [new("zh-CN")],
    SupportedUICultures = [new("zh-CN"), new("en")],
});
app.UseStaticFiles();
app.UseOriginCheck();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapPlatformObservability();
app.MapOpenApi().AllowAnonymous();
app.MapAccountEndpoints();
app.MapAuthEndpoints();
app.MapDepartmentEndpoints();
app.MapDefinitionEndpoints();
app.MapInstanceEndpoints();
app.MapElementTemplateEndpoints();
app.MapTaskEndpoints();
app.MapInstanceAdminEndpoints();
app.MapProcessEndpoints();
app.MapRegisterEndpoints();
app.MapChecklistEndpoints();
app.MapDocumentEndpoints();
app.MapRoutingEndpoints();
app.MapUserEndpoints();
app.MapNotificationEndpoints();
app.MapAuditEndpoints();
app.MapJobEndpoints();
app.MapCalendarEndpoints();
app.MapSealEndpoints();
app.MapRiskEndpoints();
app.MapPublicationEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.UsePlatformJobs();
await app.RunAsync();
return 0;

/// <summary>Entry point type, public so WebApplicationFactory can reach it from the tests.</summary>
public partial class Program;
