using System.Text.Json.Nodes;
using Decoupling.Application.People;
using Decoupling.Engine;
using Decoupling.Engine.Parsing;
using Decoupling.Engine.Simulation;
using Decoupling.Host.Security;

namespace Decoupling.Host.Endpoints.Definitions;

/// <summary>
/// Process definitions for the designer: list versions, read a version's XML, validate, simulate, publish a new version.
/// Leading-group office and administrators only (Policies.Designers).
/// </summary>
public static class DefinitionEndpoints
{
    public static IEndpointRouteBuilder MapDefinitionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/definitions").RequireAuthorization(Policies.Designers).WithTags("流程定义");

        // each version with who published it in words and how many cases still run on it (the publish dialog counts them)
        group.MapGet("/", async (string? key, WorkflowEngine engine, PeopleDirectory people) =>
        {
            var running = await engine.ActiveInstanceCountsAsync(key);
            var names = (await people.AllAsync()).ToDictionary(p => p.UserName, p => p.DisplayName, StringComparer.Ordinal);
            return (await engine.ListDefinitionsAsync(key)).Select(d => new
            {
                d.Id, d.Key, d.Name, d.Version, d.DeployedAt, d.DeployedBy, d.Sha256,
                DeployedByName = PublisherNames.Of(d.DeployedBy, names),
                Running = running.GetValueOrDefault(d.Id),
            });
        });

        group.MapGet("/{id:guid}/xml", async (Guid id, WorkflowEngine engine) =>
            (await engine.ListDefinitionsAsync()).FirstOrDefault(d => d.Id == id) is { } found
                ? Results.Text(found.Xml, "application/xml")
                : Results.NotFound());

        group.MapGet("/latest/{key}/xml", async (string key, WorkflowEngine engine) =>
            (await engine.ListDefinitionsAsync(key)).LastOrDefault() is { } latest
                ? Results.Text(latest.Xml, "application/xml")
                : Results.NotFound());

        group.MapPost("/validate", async (HttpRequest request, WorkflowEngine engine) =>
        {
            // the rules publishing applies (every user task declares its form), so the designer sees them before publishing
            var xml = await RequestBody.ReadTextAsync(request);
            return Results.Ok(new { errors = BpmnParser.Validate(xml, engine.Options.Parsing).Select(e => new { elementId = e.ElementId, code = e.Code, message = e.Message }) });
        });

        group.MapPost("/", async (HttpRequest request, string? name, WorkflowEngine engine) =>
        {
            var xml = await RequestBody.ReadTextAsync(request);
            try
            {
                var deployed = await engine.DeployAsync(xml, string.IsNullOrWhiteSpace(name) ? "designer.bpmn" : Path.GetFileName(name), request.HttpContext.User.Identity?.Name);
                var first = deployed.First();
                return Results.Ok(new { id = first.DefinitionId, key = first.Key, version = first.Version, created = first.Created, processes = deployed });
            }
            catch (BpmnValidationException invalid)
            {
                return Results.UnprocessableEntity(new { errors = invalid.Errors.Select(e => new { elementId = e.ElementId, code = e.Code, message = e.Message }) });
            }
        });

        group.MapPost("/simulate", async (SimulationRequest body) =>
        {
            if (body.Xml?.Length > RequestBody.MaxDefinitionChars)
            {
                throw RequestBody.TooLarge();
            }

            if (string.IsNullOrWhiteSpace(body.Xml))
            {
                return Results.BadRequest(new { errors = new[] { new { elementId = (string?)null, code = "SIMULATE_NO_XML", message = "缺少流程 XML" } } });
            }

            try
            {
                var others = (body.With ?? []).Select((xml, i) => ($"with-{i}.bpmn", xml));
                var result = await Simulator.RunAsync(body.Xml, "designer.bpmn", others, body.Vars, SimulationAnswers.Parse(body.Answers?.ToJsonString()));
                return Results.Text(result.ToJson().ToJsonString(), "application/json");
            }
            catch (BpmnValidationException invalid)
            {
                return Results.UnprocessableEntity(new { errors = invalid.Errors.Select(e => new { elementId = e.ElementId, code = e.Code, message = e.Message }) });
            }
        });
        return endpoints;
    }

    public sealed record SimulationRequest(string? Xml, List<string>? With, JsonObject? Vars, JsonObject? Answers);
}
