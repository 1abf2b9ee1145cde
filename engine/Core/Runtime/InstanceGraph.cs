using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;

namespace Decoupling.Engine.Runtime;

/// <summary>
/// One instance with everything a step may touch, loaded once per step. The runtime changes these lists and objects and
/// mirrors adds and removes to the session; it never re-queries inside a step (new rows are not visible to queries before commit).
/// </summary>
internal sealed class InstanceGraph
{
    private readonly Dictionary<Guid, JsonObject> locals = [];

    public required ProcessInstance Instance { get; init; }
    public required DeployedProcess Deployed { get; set; }
    public List<Execution> Executions { get; init; } = [];
    public List<HumanTask> Tasks { get; init; } = [];
    public List<EngineJob> Jobs { get; init; } = [];
    public List<MessageSubscription> Subscriptions { get; init; } = [];
    public List<Incident> Incidents { get; init; } = [];
    public JsonObject Variables { get; set; } = [];
    public bool Changed { get; set; }

    /// <summary>The variables as conditional events last saw them (null until the instance has a conditional event).</summary>
    public string? ConditionBaseline { get; set; }

    public Execution? FindExecution(Guid id) => Executions.Find(e => e.Id == id);

    public IEnumerable<Execution> ChildrenOf(Guid? parentId) => Executions.Where(e => e.ParentId == parentId);

    /// <summary>Local variables of an execution, parsed on first use and written back at commit.</summary>
    public JsonObject LocalsOf(Execution execution)
    {
        if (!locals.TryGetValue(execution.Id, out var vars))
        {
            vars = execution.LocalVariablesJson is null ? [] : (JsonNode.Parse(execution.LocalVariablesJson) as JsonObject ?? []);
            locals[execution.Id] = vars;
        }

        return vars;
    }

    public bool HasLocals(Execution execution) =>
        execution.LocalVariablesJson is not null || (locals.TryGetValue(execution.Id, out var v) && v.Count > 0);

    /// <summary>The process variables and every non-empty local scope, as text: equal texts mean no variable changed.</summary>
    public string VariablesFingerprint()
    {
        var text = new System.Text.StringBuilder(Variables.ToJsonString());
        foreach (var execution in Executions)
        {
            var local = locals.TryGetValue(execution.Id, out var v) ? (v.Count == 0 ? null : v.ToJsonString()) : execution.LocalVariablesJson;
            if (local is not null)
            {
                text.Append('|').Append(execution.Id).Append(local);
            }
        }

        return text.ToString();
    }

    public void FlushVariables()
    {
        Instance.VariablesJson = Variables.ToJsonString();
        foreach (var (id, vars) in locals)
        {
            var execution = FindExecution(id);
            if (execution is not null)
            {
                execution.LocalVariablesJson = vars.Count == 0 ? null : vars.ToJsonString();
            }
        }
    }
}
