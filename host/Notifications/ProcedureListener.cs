using Decoupling.Application.Procedure;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Services;

namespace Decoupling.Host.Notifications;

/// <summary>
/// When a decoupling case ends, the unit's summary and the district's evaluation start if they are now due (steps 4
/// and 5). The daily overdue scan runs the same check, so nothing is lost if this one fails.
/// </summary>
public sealed class ProcedureListener(IServiceProvider services, ILogger<ProcedureListener> log) : IEngineListener
{
    public void InstanceEnded(ProcessInstance instance)
    {
        if (instance.DefinitionKey != "decoupling" || instance.ParentInstanceId is not null)
        {
            return;
        }

        try
        {
            services.GetRequiredService<ProcedureTriggers>().StartDueAsync().GetAwaiter().GetResult();
        }
        catch (Exception failure)
        {
            log.LogWarning(failure, "Checking whether summaries or the evaluation are due failed after case {Instance}", instance.Id);
        }
    }
}
