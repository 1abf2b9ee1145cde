using Decoupling.Application.Cases;
using Decoupling.Application.People;
using Decoupling.Engine;
using Decoupling.Engine.Errors;
using Decoupling.Engine.Services;
using Decoupling.Host.Security;

namespace Decoupling.Host.Endpoints.Processes;

/// <summary>
/// What a client needs before starting a case: the process's name, its start form (read from the definition) and
/// whether the caller is one of its candidate starters. Signed-in users.
/// </summary>
public static class ProcessEndpoints
{
    public static IEndpointRouteBuilder MapProcessEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/processes/{key}", async (string key, HttpContext http, ActorResolver actors, WorkflowEngine engine) =>
        {
            var actor = await actors.ForAsync(http.User);
            var process = await engine.LatestProcessAsync(key) ?? throw new EngineException(EngineErrors.DefinitionKeyNotFound, key);
            return Results.Ok(new
            {
                key,
                name = process.Name,
                caseSubject = process.Properties.GetValueOrDefault(CaseSubjects.Property),
                mayStart = engine.Extensions.AccessPolicy.MayStart(process, actor.Actor),
                startForm = await engine.StartFormAsync(key),
            });
        }).RequireAuthorization(Policies.SignedIn).WithTags("流程实例");
        return endpoints;
    }
}
