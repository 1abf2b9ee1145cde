using Decoupling.Host.Security;

namespace Decoupling.Host.Endpoints.ElementTemplates;

/// <summary>GET /api/element-templates: every custom activity as a Camunda 7 element template; any signed-in user.</summary>
public static class ElementTemplateEndpoints
{
    public static IEndpointRouteBuilder MapElementTemplateEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/element-templates", (IElementTemplateCatalog catalog) => Results.Text(catalog.Templates().ToJsonString(), "application/json"))
            .RequireAuthorization(Policies.SignedIn).WithTags("流程设计");
        return endpoints;
    }
}
