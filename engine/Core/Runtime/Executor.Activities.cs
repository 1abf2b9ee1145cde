using System.Globalization;
using System.Text.Json.Nodes;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Expressions;
using Decoupling.Engine.Model;
using Decoupling.Engine.Parsing;
using Decoupling.Engine.Resources;
using Decoupling.Engine.Services;
using Decoupling.Engine.Errors;

namespace Decoupling.Engine.Runtime;

internal sealed partial class Executor
{
    private async Task CreateHumanTaskAsync(StepContext ctx, InstanceGraph graph, Execution execution, FlowNode node)
    {
        var locals = node.Inputs.Count > 0 ? EvaluateInputs(node.Inputs, View(graph, execution), node.Id) : null;
        if (locals is not null)
        {
            foreach (var (name, value) in locals)
            {
                graph.LocalsOf(execution)[name] = value?.DeepClone();
            }
        }

        var view = View(graph, execution);
        var task = new HumanTask
        {
            Id = Guid.NewGuid(),
            InstanceId = graph.Instance.Id,
            RootInstanceId = graph.Instance.RootInstanceId,
            ExecutionId = execution.Id,
            ElementId = node.Id,
            Name = TaskName(node, view),
            DefinitionKey = graph.Instance.DefinitionKey,
            BusinessKey = graph.Instance.BusinessKey,
            Assignee = EvaluateString(node.Assignee, view, node.Id),
            CandidateUsers = JoinCandidates(EvaluateList(node.CandidateUsers, view, node.Id)),
            CandidateGroups = JoinCandidates(EvaluateList(node.CandidateGroups, view, node.Id)),
            DueAt = (extensions.DueDates is { } calendar
                    ? await calendar.DueAtAsync(node, ctx.Now, ctx.Session.Transaction, CancellationToken.None).ConfigureAwait(false)
                    : null)
                ?? EvaluateDueDate(node, view, ctx.Now),
            Priority = int.TryParse(EvaluateString(node.Priority, view, node.Id), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 50,
            FormKey = node.FormKey,
            State = HumanTaskState.Open,
            CreatedAt = ctx.Now,
            CreatedInStep = graph.Instance.StepCount,
            LoopIndex = execution.Role == ExecutionRole.MultiInstanceInner ? execution.LoopIndex : 0,
        };
        if (ApplyApproverRules(ctx, graph, execution, node, task))
        {
            return;
        }

        graph.Tasks.Add(task);
        ctx.Session.Add(task);
        ctx.NewTasks.Add(task);
        ctx.Journal(graph, "task-created", node.Id, task.Name, task.Id,
            dataJson: new JsonObject { ["assignee"] = task.Assignee, ["candidateGroups"] = task.CandidateGroups.Trim(',') }.ToJsonString());
    }

    /// <summary>
    /// A task's name may hold expressions, as in Camunda 7 (部门审核：${item.title}), so the inbox says which item a
    /// task is about. Names are for people: one that cannot be evaluated keeps its text rather than stopping the case.
    /// </summary>
    private string? TaskName(FlowNode node, System.Text.Json.Nodes.JsonObject view)
    {
        if (node.Name is null || !node.Name.Contains("${", StringComparison.Ordinal))
        {
            return node.Name;
        }

        try
        {
            return EvaluateString(node.Name, view, node.Id) ?? node.Name;
        }
        catch (ExpressionException)
        {
            return node.Name;
        }
    }

    /// <summary>
    /// Per-node rules of Chinese approval systems (camunda:property): <c>onNoApprover</c> = admin (default: the task goes
    /// to the administrators' pool), skip (passes the node), incident (stops with an incident until the data is fixed);
    /// <c>onStarterApprover</c> = skip passes a node whose approver is the person who started the case.
    /// Returns true when the task is not to be created.
    /// </summary>
    private bool ApplyApproverRules(StepContext ctx, InstanceGraph graph, Execution execution, FlowNode node, HumanTask task)
    {
        var nobody = task.Assignee is null && task.CandidateUsers.Length == 0 && task.CandidateGroups.Length == 0;
        var starter = task.Assignee is not null && task.Assignee == graph.Instance.StartedBy
            && node.Properties.GetValueOrDefault("onStarterApprover") == "skip";
        if (nobody)
        {
            switch (node.Properties.GetValueOrDefault("onNoApprover", "admin"))
            {
                case "skip":
                    break;
                case "incident":
                    CreateIncident(ctx, graph, execution, node.Id, EngineErrors.NoApprover.Code, EngineText.Get(EngineErrors.NoApprover, node.DisplayName));
                    return true;
                default:
                    task.CandidateGroups = JoinCandidates(["role:Admin"]);
                    ctx.Journal(graph, "no-approver", node.Id, node.Name, task.Id, EngineText.Get(EngineErrors.NoApproverToAdmin, node.DisplayName));
                    return false;
            }
        }
        else if (!starter)
        {
            return false;
        }

        ctx.Journal(graph, "task-skipped", node.Id, node.Name, comment: EngineText.Get(nobody ? EngineErrors.NoApproverSkipped.Code : EngineErrors.StarterSkipped.Code, node.DisplayName));
        Schedule(ctx, graph, execution, node, () => LeaveAsync(ctx, graph, execution, node));
        return true;
    }

    /// <summary>Candidates are stored between commas (",a,b,") so a database LIKE/Contains matches one whole entry.</summary>
    public static string JoinCandidates(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "" : "," + string.Join(",", list) + ",";
    }

    private DateTimeOffset? EvaluateDueDate(FlowNode node, JsonObject view, DateTimeOffset now)
    {
        var text = EvaluateString(node.DueDate, view, node.Id);
        if (text is null)
        {
            return null;
        }

        if (IsoTimer.TryParseDuration(text, out var duration))
        {
            return duration.AddTo(now);
        }

        if (IsoTimer.TryParseDate(text, options.TimeZone, out var date))
        {
            return date;
        }

        throw new ExpressionException(node.Id, EngineErrors.BadDueDate.Code, EngineText.Get(EngineErrors.BadDueDate, node.Id, text));
    }

    /// <summary>
    /// Runs a service/send task handler inside the step. A BPMN error goes to the boundary; a technical failure leaves the
    /// token waiting with a retry job (the step still commits: the user's completion that led here is not lost); when the
    /// retries are used up the job gets an incident. See doc/adr/0004-service-task-failures.md.
    /// </summary>
    public async Task RunServiceAsync(StepContext ctx, InstanceGraph graph, Execution execution, FlowNode node, EngineJob? job)
    {
        ctx.HadSideEffects = true;
        var view = View(graph, execution);
        var inputs = EvaluateInputs(node.Inputs, view, node.Id);
        var context = new ServiceTaskContext
        {
            InstanceId = graph.Instance.Id,
            RootInstanceId = graph.Instance.RootInstanceId,
            ExecutionId = execution.Id,
            DefinitionKey = graph.Instance.DefinitionKey,
            BusinessKey = graph.Instance.BusinessKey,
            ElementId = node.Id,
            ElementName = node.Name,
            ProcessName = graph.Deployed.Process.Name,
            Topic = node.Topic ?? "",
            Inputs = inputs,
            Variables = view,
            Now = ctx.Now,
            Attempt = job is null ? 1 : options.JobRetries - job.Retries + 1,
            Activation = job is not null ? job.Id.ToString("N") : "s" + graph.Instance.StepCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            TransactionSource = () => ctx.Session.Transaction,
        };

        JsonObject? result;
        try
        {
            result = await dispatcher.DispatchAsync(context, CancellationToken.None).ConfigureAwait(false);
        }
        catch (BpmnErrorException error)
        {
            if (job is not null)
            {
                RemoveJob(ctx, graph, job);
            }

            await ThrowErrorAsync(ctx, graph, execution, error.ErrorCode, error.Message).ConfigureAwait(false);
            return;
        }
        catch (EngineException missing) when (missing.Code == EngineErrors.NoHandler.Code)
        {
            FailService(ctx, graph, execution, node, job, missing.Message, retry: false);
            return;
        }
        catch (ExpressionException)
        {
            throw;
        }
        catch (Exception failure)
        {
            FailService(ctx, graph, execution, node, job, failure.Message, retry: true);
            return;
        }

        if (job is not null)
        {
            RemoveJob(ctx, graph, job);
        }

        if (node.Outputs.Count > 0)
        {
            var outputView = (JsonObject)view.DeepClone();
            foreach (var (name, value) in inputs)
            {
                outputView[name] = value?.DeepClone();
            }

            foreach (var (name, value) in result ?? [])
            {
                outputView[name] = value?.DeepClone();
            }

            foreach (var output in node.Outputs)
            {
                SetVariable(graph, execution, output.Name, output.Value is null ? null : expressions.Evaluate(output.Value, outputView, node.Id));
            }
        }
        else
        {
            SetVariables(graph, execution, result);
        }

        if (node.Kind == FlowNodeKind.EndEvent)
        {
            ctx.Journal(graph, JournalCompleted, node.Id, node.Name);
            await EndTokenAsync(ctx, graph, execution).ConfigureAwait(false);
        }
        else
        {
            await LeaveAsync(ctx, graph, execution, node).ConfigureAwait(false);
        }
    }

    private void FailService(StepContext ctx, InstanceGraph graph, Execution execution, FlowNode node, EngineJob? job, string error, bool retry)
    {
        var firstFailure = job is null;
        job ??= CreateJob(ctx, graph, execution, node.Id, JobKind.AsyncContinuation, ctx.Now);
        job.Retries = retry ? job.Retries - 1 : 0;
        job.LastError = error.Length > 2000 ? error[..2000] : error;
        ctx.Journal(graph, "service-failed", node.Id, node.Name, comment: job.LastError);
        if (job.Retries <= 0)
        {
            job.HasIncident = true;
            ctx.NewJobs.Remove(job);
            CreateIncident(ctx, graph, execution, node.Id, EngineErrors.ServiceFailed.Code, EngineText.Get(EngineErrors.ServiceFailed, node.Id, job.LastError), job);
        }
        else
        {
            var attempt = options.JobRetries - job.Retries;
            var backoff = options.RetryBackoff[Math.Min(Math.Max(attempt - 1, 0), options.RetryBackoff.Length - 1)];
            job.DueAt = ctx.Now + backoff;
            if (!ctx.NewJobs.Contains(job))
            {
                ctx.NewJobs.Add(job);
            }
        }

        if (firstFailure)
        {
            AddBoundaryListeners(ctx, graph, execution, node);
        }
    }

    private void StartSubProcess(StepContext ctx, InstanceGraph graph, Execution execution, FlowNode node)
    {
        // input parameters of a subprocess are its local variables (Camunda semantics): parallel instances of a
        // multi-instance subprocess each keep their own, e.g. one department's opinion does not overwrite another's
        if (node.Inputs.Count > 0)
        {
            foreach (var (name, value) in EvaluateInputs(node.Inputs, View(graph, execution), node.Id))
            {
                graph.LocalsOf(execution)[name] = value?.DeepClone();
            }
        }

        execution.State = ExecutionState.Scope;
        AddBoundaryListeners(ctx, graph, execution, node);
        AddEventSubProcessListeners(ctx, graph, execution, node);
        var start = graph.Deployed.Process.NoneStartOf(node)
            ?? throw new InvalidOperationException($"subprocess {node.Id} has no none start event (the validator should have refused it)");
        var token = NewExecution(ctx, graph, execution.Id, start.Id);
        Schedule(ctx, graph, token, start, () => EnterAsync(ctx, graph, token, start, null));
    }

    /// <summary>
    /// A script task: JavaScript in the expression sandbox (same limits), seeing the variables and the inputs; what it
    /// sets with execution.setVariable and its value (camunda:resultVariable) are written, then the token leaves.
    /// A failing script is an incident at the task, like a failing expression.
    /// </summary>
    private async Task RunScriptAsync(StepContext ctx, InstanceGraph graph, Execution execution, FlowNode node)
    {
        if (expressions is not IScriptEvaluator scripts)
        {
            throw new ExpressionException(node.Id, EngineErrors.NoScriptEvaluator.Code, EngineText.Get(EngineErrors.NoScriptEvaluator, node.Id));
        }

        var view = View(graph, execution);
        if (node.Inputs.Count > 0)
        {
            view = (JsonObject)view.DeepClone();
            foreach (var (name, value) in EvaluateInputs(node.Inputs, view, node.Id))
            {
                view[name] = value?.DeepClone();
            }
        }

        var result = scripts.RunScript(node.Script ?? "", view, node.Id);
        SetVariables(graph, execution, result.Changes);
        if (node.ResultVariable is { } resultVariable)
        {
            SetVariable(graph, execution, resultVariable, result.Value);
        }

        await LeaveAsync(ctx, graph, execution, node).ConfigureAwait(false);
    }

    private async Task StartCallActivityAsync(StepContext ctx, InstanceGraph graph, Execution execution, FlowNode node)
    {
        ctx.HadSideEffects = true;
        var view = View(graph, execution);
        var key = EvaluateString(node.CalledElement, view, node.Id) ?? "";
        DeployedProcess? called;
        if (string.Equals(node.CalledElementBinding, "version", StringComparison.Ordinal))
        {
            var version = int.Parse(EvaluateString(node.CalledElementVersion, view, node.Id) ?? "0", CultureInfo.InvariantCulture);
            called = await definitions.FindVersionAsync(ctx.Session, key, version).ConfigureAwait(false);
        }
        else
        {
            called = await definitions.FindLatestAsync(ctx.Session, key, inStep: true).ConfigureAwait(false);
        }

        AddBoundaryListeners(ctx, graph, execution, node);
        if (called is null)
        {
            CreateIncident(ctx, graph, execution, node.Id, EngineErrors.CalledNotFound.Code, EngineText.Get(EngineErrors.CalledNotFound, node.Id, key));
            return;
        }

        var variables = new JsonObject();
        var businessKey = graph.Instance.BusinessKey;
        foreach (var mapping in node.InMappings)
        {
            if (mapping.BusinessKey is not null)
            {
                businessKey = EvaluateString(mapping.BusinessKey, view, node.Id);
            }
            else if (mapping.AllVariables)
            {
                foreach (var (name, value) in view)
                {
                    variables[name] = value?.DeepClone();
                }
            }
            else if ((mapping.Target ?? mapping.Source) is { } target)
            {
                variables[target] = (mapping.SourceExpression is not null
                    ? expressions.Evaluate(mapping.SourceExpression, view, node.Id)
                    : view[mapping.Source!])?.DeepClone();
            }
        }

        var start = called.Process.NoneStartOf(null);
        if (start is null)
        {
            CreateIncident(ctx, graph, execution, node.Id, EngineErrors.CalledNotFound.Code, EngineText.Get(EngineErrors.CalledNotFound, node.Id, key));
            return;
        }

        var child = CreateInstance(ctx, called, businessKey, variables, graph.Instance.Id, execution.Id, graph.Instance.RootInstanceId);
        ctx.Journal(graph, "call-started", node.Id, node.Name, dataJson: new JsonObject { ["childInstanceId"] = child.Instance.Id.ToString(), ["key"] = key, ["version"] = called.Record.Version }.ToJsonString());
        StartAt(ctx, child, start);
    }
}
