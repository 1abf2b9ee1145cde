using Decoupling.Application.Errors;
using Decoupling.Application.People;
using Decoupling.Engine;

namespace Decoupling.Application.Cases;

/// <summary>
/// Ending a case before its end (终止) is a decision of the leading-group office, with a reason that goes into the case's
/// journal; whoever started a case may also withdraw it. Administrators operate the engine but end no case (三员分立).
/// </summary>
public sealed class CaseTermination(WorkflowEngine engine)
{
    public async Task CancelAsync(CaseActor actor, Guid instanceId, string? reason, CancellationToken cancellationToken = default)
    {
        var instance = await engine.MaySeeInstanceAsync(instanceId, actor.Actor, cancellationToken) ? await engine.GetInstanceAsync(instanceId, cancellationToken) : null;
        if (instance is null)
        {
            throw new AppException(AppErrors.InstanceNotVisible, instanceId);
        }

        if (!actor.IsLeadership && instance.StartedBy != actor.UserName)
        {
            throw new AppException(AppErrors.CancelForbidden);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new AppException(AppErrors.CancelReasonRequired);
        }

        // the engine admits the starter, or a caller the platform vouches for: the office's authority was decided above,
        // and the journal names the office's user, not the system
        var caller = actor.Actor with { IsAdmin = actor.IsLeadership };
        await engine.CancelInstanceAsync(instanceId, caller, reason.Trim(), cancellationToken);
    }
}
