using Decoupling.Domain.Departments;
using Decoupling.Domain.Identity;
using Decoupling.Host.Components.Services;
using Decoupling.Host.Security;

namespace Decoupling.Host.Endpoints.Departments;

/// <summary>Departments (code, name, kind) and the roles a task can be offered to, for pickers; any signed-in user.</summary>
public static class DepartmentEndpoints
{
    public static IEndpointRouteBuilder MapDepartmentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/departments", async (DepartmentDirectory directory) =>
                (await directory.ListAsync()).Select(d => new { code = d.Code, name = d.Name, kind = d.Kind.ToString(), kindName = DepartmentKindNames.Of(d.Kind) }))
            .RequireAuthorization(Policies.SignedIn).WithTags("部门");
        // the three administrators handle no case, so a flow never offers them a task; the names are the ones the rest of the platform shows
        endpoints.MapGet("/api/roles", () =>
                PlatformRoles.All.Where(r => !PlatformRoles.IsAdministrator(r)).Select(r => new { code = r, name = RoleNames.Of(r) }))
            .RequireAuthorization(Policies.SignedIn).WithTags("部门");
        return endpoints;
    }
}
