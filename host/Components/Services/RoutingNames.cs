using Decoupling.Domain.Departments;
using Decoupling.Domain.Routing;

namespace Decoupling.Host.Components.Services;

/// <summary>
/// What a reviewer code of the routing table is called on the page (a localizer key or a department's own name): the
/// department's name, or for the <see cref="RoutingRule.SupervisoryUnitToken"/> the association's own supervisory unit.
/// </summary>
public static class RoutingNames
{
    public const string SupervisoryUnit = "协会的业务主管单位";

    public static string Of(string code, IEnumerable<Department> departments) =>
        code == RoutingRule.SupervisoryUnitToken ? SupervisoryUnit : departments.FirstOrDefault(d => d.Code == code)?.Name ?? code;
}
