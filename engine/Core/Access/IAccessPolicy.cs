using Decoupling.Engine.Entities;
using Decoupling.Engine.Model;
using Decoupling.Engine.Services;

namespace Decoupling.Engine.Access;

/// <summary>
/// Who may do what, decided inside the engine's step (Camunda 7's CommandChecker is the model). The engine ships
/// <see cref="DefaultAccessPolicy"/> (assignee and candidates); a platform supplies its own to add the case's parties and
/// its supervisors. Every start and task operation asks it; API, pages and jobs therefore share one rule.
/// </summary>
public interface IAccessPolicy
{
    /// <summary>May the actor start this process (camunda:candidateStarterGroups/Users)?</summary>
    bool MayStart(ProcessDefinition process, Actor actor);

    /// <summary>May the actor work the task (complete, return, transfer, delegate, add signers, claim)?</summary>
    bool MayWork(HumanTask task, Actor actor);

    /// <summary>May the actor see the task? <paramref name="involved"/>: they started the case or acted in it.</summary>
    bool MaySee(HumanTask task, Actor actor, bool involved);

    /// <summary>May the actor see a case (its diagram, journal, documents)? <paramref name="involved"/> as for tasks.</summary>
    bool MaySeeCase(ProcessInstance root, Actor actor, bool involved);

    /// <summary>May the task be handed to <paramref name="target"/> (转办, 委派, 加签)?</summary>
    bool MayReceive(HumanTask task, FlowNode node, Actor target, HandOver kind);
}
