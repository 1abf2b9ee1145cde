using System.Text.Json;
using System.Text.Json.Nodes;
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
    private const string SupervisoryUnit = CaseActor.RoleGroupPrefix + PlatformRoles.SupervisoryUnit;
    private const string UnitVariable = "supervisoryUnitCode";

    /// <summary>A process that names no starters is only called by other processes or started by the platform itself.</summary>
    public override bool MayStart(ProcessDefinition process, Actor actor) =>
        ReferenceEquals(actor, Actor.System)
        || process.CandidateStarterUsers.Contains(actor.UserId, StringComparer.Ordinal)
        || process.CandidateStarterGroups.Any(actor.InGroup);

    /// <summary>Only the task's people work it: an administrator operates the engine but never decides in a case.</summary>
    public override bool MayWork(HumanTask task, Actor actor) =>
        ReferenceEquals(actor, Actor.System) || (!actor.IsAdmin && base.MayWork(task, actor));

    public override bool MaySee(HumanTask task, Actor actor, bool involved) => base.MaySee(task, actor, involved) || actor.InGroup(LeadingGroup);

    public override bool MaySeeCase(ProcessInstance root, Actor actor, bool involved) =>
        base.MaySeeCase(root, actor, involved) || actor.InGroup(LeadingGroup) || IsCaseParty(root, actor);

    /// <summary>
    /// The parties of a case see it before they have a task in it: the association whose case it is (its id is the
    /// business key) and the supervisory unit recorded when it started (the unit keeps seeing a case after the
    /// decoupling has removed it from the register).
    /// </summary>
    private static bool IsCaseParty(ProcessInstance root, Actor actor)
    {
        if (root.BusinessKey is { } key && actor.InGroup(CaseActor.AssociationGroupPrefix + key))
        {
            return true;
        }

        if (!actor.InGroup(SupervisoryUnit) || !root.VariablesJson.Contains(UnitVariable, StringComparison.Ordinal))
        {
            return false;
        }

        var unit = JsonNode.Parse(root.VariablesJson)?[UnitVariable];
        return unit?.GetValueKind() == JsonValueKind.String && actor.InGroup(CaseActor.DepartmentGroupPrefix + unit.GetValue<string>());
    }

    public override bool MayReceive(HumanTask task, FlowNode node, Actor target, HandOver kind) => kind switch
    {
        HandOver.Copy => target.Groups.Any(g => g.StartsWith(CaseActor.DepartmentGroupPrefix, StringComparison.Ordinal))
            || target.InGroup(LeadingGroup)
            || (task.BusinessKey is { } key && target.InGroup(CaseActor.AssociationGroupPrefix + key)),
        _ => base.MayReceive(task, node, target, kind),
    };
}
