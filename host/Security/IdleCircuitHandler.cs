using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Decoupling.Host.Security;

/// <summary>Records every inbound event of a circuit (the person's clicks and keys) as activity.</summary>
public sealed class IdleCircuitHandler(CircuitActivity activity) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            activity.Touch();
            return next(context);
        };
}
