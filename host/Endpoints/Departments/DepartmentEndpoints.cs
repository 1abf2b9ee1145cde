using Decoupling.Domain.Departments;
using Decoupling.Host.Security;

namespace Decoupling.Host.Endpoints.Departments;

/// <summary>Departments (code, name, kind) for pickers; any signed-in user.</summary>
public static class DepartmentEndpoints
{
    public static IEndpointRouteBuilder MapDepartmentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/departments", async (DepartmentDirectory directory) =>
                (await directory.ListAsync()).Select(d => new { code = d.Code, name = d.Name, kind = d.Kind.ToString() }))
            .RequireAuthorization(Policies.SignedIn).WithTags("部门");
        return endpoints;
    }
}
