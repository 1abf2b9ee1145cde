using Decoupling.Application.People;
using Decoupling.Domain.Identity;
using Decoupling.Engine.Access;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Model;
using Decoupling.Engine.Services;

namespace Decoupling.Application.Access;

/// <summary>
/// The platform's one rule for who may do what with a case, evaluated by the engine inside each step: the engine's
/// own (assignee, candidates, the case's parties) plus the leading-group office, which supervises every case (sees it
/// and may urge, never decides for a department); starting follows the process's candidate starters with no
/// administrator shortcut (an administrator runs the system, not the cases); a copy (抄送) goes to government staff, or
/// to the association whose case it is — never to another association.
/// </summary>
public sealed class PlatformAccessPolicy : DefaultAccessPolicy
{
    private const string LeadingGroup = CaseActor.RoleGroupPrefix + PlatformRoles.LeadingGroup;

    /// <summary>A process that names no starters is only called by other processes or started by the platform itself.</summary>
    public override bool MayStart(ProcessDefinition process, Actor actor) =>
        ReferenceEquals(actor, Actor.System)
        || process.CandidateStarterUsers.Contains(actor.UserId, StringComparer.Ordinal)
        || process.CandidateStarterGroups.Any(actor.InGroup);

    public override bool MaySee(HumanTask task, Actor actor, bool involved) => base.MaySee(task, actor, involved) || actor.InGroup(LeadingGroup);

    public override bool MaySeeCase(ProcessInstance root, Actor actor, bool involved) => base.MaySeeCase(root, actor, involved) || actor.InGroup(LeadingGroup);

    public override bool MayReceive(HumanTask task, FlowNode node, Actor target, HandOver kind) => kind switch
    {
        HandOver.Copy => target.Groups.Any(g => g.StartsWith(CaseActor.DepartmentGroupPrefix, StringComparison.Ordinal))
            || target.InGroup(LeadingGroup)
            || (task.BusinessKey is { } key && target.InGroup(CaseActor.AssociationGroupPrefix + key)),
        _ => base.MayReceive(task, node, target, kind),
    };
}
