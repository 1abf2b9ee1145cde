using Decoupling.Application.People;
using Decoupling.Application.Risks;
using Decoupling.Host.Security;

namespace Decoupling.Host.Endpoints.Risks;

/// <summary>风险预案 of an association: listed, recorded and closed through <see cref="CaseRiskRegister"/>, which decides who may.</summary>
public static class RiskEndpoints
{
    public static IEndpointRouteBuilder MapRiskEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var risks = endpoints.MapGroup("/api/associations/{associationId:guid}/risks").RequireAuthorization(Policies.SignedIn).WithTags("风险预案");

        risks.MapGet("/", async (Guid associationId, HttpContext http, ActorResolver actors, CaseRiskRegister register) =>
            Results.Ok(await register.ListAsync(await actors.ForAsync(http.User), associationId, http.RequestAborted)));

        risks.MapPost("/", async (Guid associationId, RiskInput input, HttpContext http, ActorResolver actors, CaseRiskRegister register) =>
        {
            var risk = await register.RecordAsync(await actors.ForAsync(http.User), associationId, input.Risk, input.Response, input.Level, http.RequestAborted);
            return Results.Created($"/api/associations/{associationId}/risks/{risk.Id}", risk);
        });

        risks.MapPost("/{riskId:guid}/close", async (Guid riskId, RiskClosing input, HttpContext http, ActorResolver actors, CaseRiskRegister register) =>
            Results.Ok(await register.CloseAsync(await actors.ForAsync(http.User), riskId, input.Note, http.RequestAborted)));
        return endpoints;
    }
}
