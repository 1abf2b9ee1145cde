using Decoupling.Application.Access;
using Decoupling.Application.People;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Register;
using Decoupling.Host.Security;

namespace Decoupling.Host.Endpoints.Register;

/// <summary>
/// The association register. Signed-in users, scoped by <see cref="AssociationAccess"/>; create, update and import by
/// the leading group and administrators. Excel import answers 422 with every bad row and writes nothing.
/// </summary>
public static class RegisterEndpoints
{
    private const long MaxUploadBytes = 20 * 1024 * 1024;

    public static IEndpointRouteBuilder MapRegisterEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var register = endpoints.MapGroup("/api/register").RequireAuthorization(Policies.SignedIn).WithTags("协会名册");

        register.MapGet("/", async (HttpContext http, ActorResolver actors, PlatformDbContext db, RegisterService service, string? search, RegistrationStatus? status, int? skip, int? take) =>
        {
            var scope = AssociationAccess.Of(await actors.ForAsync(http.User));
            if (!scope.District && scope.SupervisoryUnitId is null)
            {
                // association staff see their own record; a reviewer sees none
                var own = scope.AssociationId is { } id ? await scope.FindAsync(db, id) : null;
                return Results.Ok(new { total = own is null ? 0 : 1, items = own is null ? [] : new[] { own } });
            }

            var (items, total) = await service.SearchAsync(search, scope.SupervisoryUnitId, status, skip ?? 0, take ?? 50);
            return Results.Ok(new { total, items });
        });

        register.MapGet("/{id:guid}", async (Guid id, HttpContext http, ActorResolver actors, PlatformDbContext db, RegisterService service) =>
        {
            var scope = AssociationAccess.Of(await actors.ForAsync(http.User));
            var association = await scope.FindAsync(db, id);
            return association is null ? Results.NotFound() : Results.Ok(new { association, history = await service.HistoryAsync(id) });
        });

        register.MapPost("/", async (AssociationFields fields, RegisterService service) =>
        {
            var created = await service.CreateAsync(fields);
            return Results.Created($"/api/register/{created.Id}", created);
        }).RequireAuthorization(Policies.Designers);

        register.MapPut("/{id:guid}", async (Guid id, Guid expectedStamp, AssociationFields fields, RegisterService service) =>
            Results.Ok(await service.UpdateAsync(id, fields, expectedStamp))).RequireAuthorization(Policies.Designers);

        register.MapPost("/import", async (HttpRequest request, RegisterImporter importer, bool? dryRun) =>
        {
            var file = await Upload.SingleFileAsync(request, MaxUploadBytes);
            var report = await importer.ImportAsync(file, dryRun ?? false);
            return report.IsValid ? Results.Ok(report) : Results.UnprocessableEntity(report);
        }).RequireAuthorization(Policies.Designers).DisableAntiforgery();

        register.MapGet("/export", async (HttpContext http, ActorResolver actors, RegisterExporter exporter) =>
        {
            var scope = AssociationAccess.Of(await actors.ForAsync(http.User));
            if (!scope.District && scope.SupervisoryUnitId is null)
            {
                return Results.Forbid();
            }

            var file = new MemoryStream();
            await exporter.ExportAsync(file, scope.SupervisoryUnitId);
            file.Position = 0;
            return Results.File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "register.xlsx");
        });
        return endpoints;
    }
}
