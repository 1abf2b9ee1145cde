using Decoupling.Application.Access;
using System.Text.Json;
using System.Text.Json.Nodes;
using Decoupling.Application.People;
using Decoupling.Application.Register;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
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

        register.MapGet("/", async (HttpContext http, ActorResolver actors, RegisterQueries queries, IOptions<JsonOptions> json, string? search, RegistrationStatus? status, int? skip, int? take) =>
        {
            var (items, total) = await queries.SearchAsync(await actors.ForAsync(http.User), search, status, skip ?? 0, take ?? 50);
            var statuses = await queries.StatusesAsync(items);
            return Results.Ok(new { total, items = items.Select(a => WithStatus(a, statuses[a.Id], json.Value)) });
        });

        register.MapGet("/{id:guid}", async (Guid id, HttpContext http, ActorResolver actors, RegisterQueries queries, IOptions<JsonOptions> json) =>
        {
            var actor = await actors.ForAsync(http.User);
            var entry = await queries.GetAsync(actor, id);
            return Results.Ok(new { association = WithStatus(entry.Association, await queries.StatusAsync(actor, id), json.Value), history = entry.History });
        });

        register.MapPost("/", async (AssociationFields fields, RegisterService service) =>
        {
            var created = await service.CreateAsync(fields);
            return Results.Created($"/api/register/{created.Id}", created);
        }).RequireAuthorization(Policies.Designers);

        register.MapPut("/{id:guid}", async (Guid id, Guid expectedStamp, AssociationFields fields, HttpContext http, ActorResolver actors, RegisterEditing editing) =>
            Results.Ok(await editing.EditAsync(await actors.ForAsync(http.User), id, fields, expectedStamp))).RequireAuthorization(Policies.Designers);

        register.MapPost("/import", async (HttpRequest request, RegisterImporter importer, bool? dryRun) =>
        {
            var file = await Upload.SingleFileAsync(request, MaxUploadBytes);
            var report = await importer.ImportAsync(file, dryRun ?? false);
            return report.IsValid ? Results.Ok(report) : Results.UnprocessableEntity(report);
        }).RequireAuthorization(Policies.Designers).DisableAntiforgery();

        register.MapGet("/export", async (HttpContext http, ActorResolver actors, RegisterQueries queries) =>
            Results.File(await queries.ExportAsync(await actors.ForAsync(http.User)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "register.xlsx"));
        return endpoints;
    }

    /// <summary>The entry as stored (its <c>status</c> is the registration's), with <c>decoupling</c>: the one status every page shows (<see cref="AssociationStatus"/>).</summary>
    private static JsonNode WithStatus(Association association, AssociationStatus status, JsonOptions json)
    {
        var node = JsonSerializer.SerializeToNode(association, json.SerializerOptions)!;
        node["decoupling"] = new JsonObject { ["stage"] = status.Stage.ToString(), ["label"] = status.Label, ["detail"] = status.Detail };
        return node;
    }
}
