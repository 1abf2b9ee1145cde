using System.Xml;
using System.Xml.Linq;
using Decoupling.Engine.Model;
using static Decoupling.Engine.Parsing.BpmnNames;

namespace Decoupling.Engine.Parsing;

/// <summary>
/// Turns a loaded BPMN XML tree into the model: processes, nodes at every depth, flows wired to their nodes,
/// boundary events wired to their activities, messages and errors resolved to their names and codes.
/// Reports what cannot be represented (unsupported elements, dangling references, bad timers, bad mappings);
/// the graph rules are checked afterwards by <see cref="BpmnRules"/>.
/// </summary>
internal sealed class BpmnReader
{
    private static readonly Dictionary<string, FlowNodeKind> NodeKinds = new(StringComparer.Ordinal)
    {
        ["startEvent"] = FlowNodeKind.StartEvent,
        ["endEvent"] = FlowNodeKind.EndEvent,
        ["intermediateCatchEvent"] = FlowNodeKind.IntermediateCatchEvent,
        ["intermediateThrowEvent"] = FlowNodeKind.IntermediateThrowEvent,
        ["boundaryEvent"] = FlowNodeKind.BoundaryEvent,
        ["task"] = FlowNodeKind.Task,
        ["manualTask"] = FlowNodeKind.ManualTask,
        ["userTask"] = FlowNodeKind.UserTask,
        ["serviceTask"] = FlowNodeKind.ServiceTask,
        ["sendTask"] = FlowNodeKind.SendTask,
        ["receiveTask"] = FlowNodeKind.ReceiveTask,
        ["exclusiveGateway"] = FlowNodeKind.ExclusiveGateway,
        ["parallelGateway"] = FlowNodeKind.ParallelGateway,
        ["inclusiveGateway"] = FlowNodeKind.InclusiveGateway,
        ["eventBasedGateway"] = FlowNodeKind.EventBasedGateway,
        ["subProcess"] = FlowNodeKind.SubProcess,
        ["callActivity"] = FlowNodeKind.CallActivity,
        ["scriptTask"] = FlowNodeKind.ScriptTask,
        ["transaction"] = FlowNodeKind.SubProcess,
    };

    /// <summary>Children of a process or subprocess that carry no execution semantics.</summary>
    private static readonly HashSet<string> IgnoredInScope = new(StringComparer.Ordinal)
    {
        "documentation", "extensionElements", "laneSet", "textAnnotation", "association", "group",
        "dataObject", "dataObjectReference", "dataStoreReference", "ioSpecification", "property",
        "auditing", "monitoring", "correlationSubscription",

        // a subprocess is a scope and an activity: its own activity children sit beside its flow elements
        "incoming", "outgoing", "multiInstanceLoopCharacteristics", "standardLoopCharacteristics",
        "dataInputAssociation", "dataOutputAssociation",
    };

    private static readonly HashSet<string> TimerParts = new(StringComparer.Ordinal) { "timeDate", "timeDuration", "timeCycle" };

    private readonly ValidationErrorList errors;
    private readonly BpmnDocument document = new();

    /// <summary>error id -> errorCode (null when the error has none).</summary>
    private readonly Dictionary<string, string?> errorCodes = new(StringComparer.Ordinal);

    /// <summary>message id -> name (null when the message has none).</summary>
    private readonly Dictionary<string, string?> messageNames = new(StringComparer.Ordinal);

    /// <summary>signal id -> name, escalation id -> code (null when missing).</summary>
    private readonly Dictionary<string, string?> signalNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> escalationCodes = new(StringComparer.Ordinal);

    private BpmnReader(ValidationErrorList errors) => this.errors = errors;

    public static BpmnDocument? Read(XDocument xml, ValidationErrorList errors)
    {
        var root = xml.Root;
        if (root is null || root.Name != Bpmn + "definitions")
        {
            errors.AddDocument("BPMN_NOT_BPMN", Bpmn.NamespaceName, root?.Name.ToString() ?? "");
            return null;
        }

        return new BpmnReader(errors).ReadDefinitions(root);
    }

    private BpmnDocument ReadDefinitions(XElement definitions)
    {
        CheckDuplicateIds(definitions);

        foreach (var message in definitions.Elements(Bpmn + "message"))
        {
            var id = Attr(message, "id");
            var name = Attr(message, "name");
            if (id is null)
            {
                continue;
            }

            messageNames.TryAdd(id, name);
            if (name is not null)
            {
                document.Messages.TryAdd(id, name);
            }
        }

        foreach (var error in definitions.Elements(Bpmn + "error"))
        {
            var id = Attr(error, "id");
            var code = Attr(error, "errorCode");
            if (id is null)
            {
                continue;
            }

            errorCodes.TryAdd(id, code);
            if (code is not null)
            {
                document.Errors.TryAdd(id, code);
            }
        }

        ReadCatalogue(definitions, "signal", "name", signalNames, document.Signals);
        ReadCatalogue(definitions, "escalation", "escalationCode", escalationCodes, document.Escalations);

        var processes = definitions.Elements(Bpmn + "process").ToList();
        if (processes.Count == 0)
        {
            errors.AddDocument("BPMN_NO_PROCESS");
        }

        foreach (var process in processes)
        {
            var definition = ReadProcess(process);
            if (definition is not null)
            {
                document.Processes.Add(definition);
            }
        }

        return document;
    }

    private static void ReadCatalogue(XElement definitions, string tag, string attribute, Dictionary<string, string?> byId,
        Dictionary<string, string> named)
    {
        foreach (var item in definitions.Elements(Bpmn + tag))
        {
            if (Attr(item, "id") is not { } id)
            {
                continue;
            }

            var value = Attr(item, attribute);
            byId.TryAdd(id, value);
            if (value is not null)
            {
                named.TryAdd(id, value);
            }
        }
    }

    private void CheckDuplicateIds(XElement definitions)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in definitions.DescendantsAndSelf().Where(e => e.Name.Namespace == Bpmn))
        {
            var id = Attr(element, "id");
            if (id is not null && !seen.Add(id))
            {
                errors.Add(id, "BPMN_DUPLICATE_ID", Line(element));
            }
        }
    }

    private ProcessDefinition? ReadProcess(XElement process)
    {
        var key = Attr(process, "id");
        if (key is null)
        {
            errors.AddDocument("BPMN_ID_MISSING", Line(process), "process");
            return null;
        }

        var properties = ReadProperties(process.Element(Bpmn + "extensionElements"));
        var definition = new ProcessDefinition
        {
            Key = key,
            Name = Attr(process, "name"),
            VersionTag = Attr(process, Camunda + "versionTag"),
            IsExecutable = !string.Equals(Attr(process, "isExecutable"), "false", StringComparison.OrdinalIgnoreCase),
            CandidateStarterGroups = SplitList(Attr(process, Camunda + "candidateStarterGroups")),
            CandidateStarterUsers = SplitList(Attr(process, Camunda + "candidateStarterUsers")),
            Properties = properties,
            ProtectedVariables = [.. SplitList(properties.GetValueOrDefault(ProcessDefinition.ProtectedVariablesProperty))],
        };

        var context = new ScopeContext(definition);
        ReadScope(process, null, context);
        WireBoundaries(context);
        WireFlows(context);
        WireCompensationHandlers(context);
        return definition;
    }

    private void ReadScope(XElement container, FlowNode? scope, ScopeContext context)
    {
        foreach (var element in container.Elements())
        {
            if (element.Name.Namespace != Bpmn)
            {
                continue;
            }

            var tag = element.Name.LocalName;
            if (tag == "sequenceFlow")
            {
                ReadFlow(element, scope, context);
                continue;
            }

            if (tag == "association")
            {
                // compensation boundary events reach their handler by an association; nothing else reads associations
                if (Attr(element, "sourceRef") is { } from && Attr(element, "targetRef") is { } to)
                {
                    context.Associations.Add((from, to));
                }

                continue;
            }

            if (IgnoredInScope.Contains(tag))
            {
                continue;
            }

            FlowNode? node;
            if (!NodeKinds.TryGetValue(tag, out var kind))
            {
                Unsupported(element, tag);
                node = Placeholder(element);
            }
            else
            {
                node = ReadNode(element, tag, kind);
            }

            if (node is null)
            {
                continue;
            }

            node.Parent = scope;
            context.DeclaredScope[node] = scope;
            (scope is null ? context.Definition.Nodes : scope.Children).Add(node);
            context.Definition.NodesById.TryAdd(node.Id, node);
            if (kind == FlowNodeKind.BoundaryEvent)
            {
                context.Boundaries.Add(node);
            }

            if (kind == FlowNodeKind.SubProcess)
            {
                ReadScope(element, node, context);
            }
        }
    }

    /// <summary>
    /// An element the engine does not run: it stays in the model as a rejected node so that its flows and boundary events
    /// are wired without a second error each (one root cause, one message).
    /// </summary>
    private static FlowNode? Placeholder(XElement element) =>
        Attr(element, "id") is { } id ? new FlowNode { Id = id, Name = Attr(element, "name"), Kind = FlowNodeKind.Task, Rejected = true } : null;

    private FlowNode? ReadNode(XElement element, string tag, FlowNodeKind kind)
    {
        var id = Attr(element, "id");
        if (id is null)
        {
            errors.AddDocument("BPMN_ID_MISSING", Line(element), tag);
            return null;
        }

        var rejected = false;
        if (element.Element(Bpmn + "standardLoopCharacteristics") is not null)
        {
            errors.Add(id, "BPMN_UNSUPPORTED_ELEMENT", "standardLoopCharacteristics");
        }

        var trigger = EventTrigger.None;
        TimerDefinition? timer = null;
        string? messageName = null;
        string? errorCode = null;
        EventExtras extras = default;
        if (IsEvent(kind))
        {
            var before = errors.Count;
            (trigger, timer, messageName, errorCode) = ReadEventDefinition(element, id, tag, kind);
            extras = ReadEventExtras(element, id, kind, trigger);

            // an event whose definition could not be read would otherwise pass for a none event (a second none start...)
            rejected = errors.Count > before && (trigger == EventTrigger.None || extras.Failed);
        }

        if (kind == FlowNodeKind.ScriptTask)
        {
            CheckScript(element, id);
        }
        else if (kind == FlowNodeKind.ReceiveTask)
        {
            messageName = ResolveMessage(id, Attr(element, "messageRef"), required: true);
        }
        else if (kind == FlowNodeKind.SendTask)
        {
            messageName = ResolveMessage(id, Attr(element, "messageRef"), required: false);
        }

        var extensions = element.Element(Bpmn + "extensionElements");
        var (inputs, outputs) = ReadInputOutput(extensions, id);
        var (inMappings, outMappings) = kind == FlowNodeKind.CallActivity ? ReadCallMappings(extensions, id) : ([], []);

        return new FlowNode
        {
            Id = id,
            Name = Attr(element, "name"),
            Kind = kind,
            DefaultFlowId = Attr(element, "default"),
            Trigger = trigger,
            Timer = timer,
            MessageName = messageName,
            ErrorCode = errorCode,
            AttachedToId = kind == FlowNodeKind.BoundaryEvent ? Attr(element, "attachedToRef") : null,
            CancelActivity = !string.Equals(Attr(element, "cancelActivity"), "false", StringComparison.OrdinalIgnoreCase),
            ImplementationType = Attr(element, Camunda + "type"),
            Topic = Attr(element, Camunda + "topic"),
            AsyncBefore = IsTrue(element, Camunda + "asyncBefore"),
            Inputs = inputs,
            Outputs = outputs,
            Assignee = Attr(element, Camunda + "assignee"),
            CandidateUsers = Attr(element, Camunda + "candidateUsers"),
            CandidateGroups = Attr(element, Camunda + "candidateGroups"),
            DueDate = Attr(element, Camunda + "dueDate"),
            Priority = Attr(element, Camunda + "priority"),
            FormKey = Attr(element, Camunda + "formKey"),
            Form = kind is FlowNodeKind.UserTask or FlowNodeKind.StartEvent ? BpmnFormReader.ReadForm(extensions, id, errors) : null,
            TaskListeners = kind == FlowNodeKind.UserTask ? BpmnFormReader.ReadTaskListeners(extensions, id, errors) : [],
            Properties = ReadProperties(extensions),
            ModelerTemplate = Attr(element, Camunda + "modelerTemplate"),
            CalledElement = kind == FlowNodeKind.CallActivity ? Attr(element, "calledElement") : null,
            CalledElementBinding = Attr(element, Camunda + "calledElementBinding"),
            CalledElementVersion = Attr(element, Camunda + "calledElementVersion"),
            InMappings = inMappings,
            OutMappings = outMappings,
            Loop = ReadLoop(element, id),
            SignalName = extras.SignalName,
            EscalationCode = extras.EscalationCode,
            Condition = extras.Condition,
            LinkName = extras.LinkName,
            CompensateActivityRef = extras.ActivityRef,
            IsForCompensation = IsTrue(element, "isForCompensation"),
            TriggeredByEvent = kind == FlowNodeKind.SubProcess && IsTrue(element, "triggeredByEvent"),
            IsTransaction = tag == "transaction",
            IsInterrupting = !string.Equals(Attr(element, "isInterrupting"), "false", StringComparison.OrdinalIgnoreCase),
            ScriptFormat = kind == FlowNodeKind.ScriptTask ? Attr(element, "scriptFormat") : null,
            Script = kind == FlowNodeKind.ScriptTask ? TextOrNull(element.Element(Bpmn + "script")) : null,
            ResultVariable = Attr(element, Camunda + "resultVariable"),
            Rejected = rejected,
        };
    }

    private (EventTrigger Trigger, TimerDefinition? Timer, string? MessageName, string? ErrorCode) ReadEventDefinition(
        XElement element, string id, string tag, FlowNodeKind kind)
    {
        var definitions = element.Elements()
            .Where(e => e.Name.Namespace == Bpmn
                && (e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal) || e.Name.LocalName == "eventDefinitionRef"))
            .ToList();
        if (definitions.Count == 0)
        {
            CheckTriggerAllowed(id, tag, kind, EventTrigger.None, "none");
            return (EventTrigger.None, null, null, null);
        }

        if (definitions.Count > 1)
        {
            errors.Add(id, "BPMN_EVENT_MULTIPLE_DEFINITIONS");
            return (EventTrigger.None, null, null, null);
        }

        var definition = definitions[0];
        var definitionTag = definition.Name.LocalName;
        EventTrigger trigger;
        switch (definitionTag)
        {
            case "timerEventDefinition": trigger = EventTrigger.Timer; break;
            case "messageEventDefinition": trigger = EventTrigger.Message; break;
            case "errorEventDefinition": trigger = EventTrigger.Error; break;
            case "terminateEventDefinition": trigger = EventTrigger.Terminate; break;
            case "signalEventDefinition": trigger = EventTrigger.Signal; break;
            case "escalationEventDefinition": trigger = EventTrigger.Escalation; break;
            case "conditionalEventDefinition": trigger = EventTrigger.Conditional; break;
            case "linkEventDefinition": trigger = EventTrigger.Link; break;
            case "compensateEventDefinition": trigger = EventTrigger.Compensation; break;
            case "cancelEventDefinition": trigger = EventTrigger.Cancel; break;
            default:
                errors.Add(id, "BPMN_UNSUPPORTED_ELEMENT", definitionTag);
                return (EventTrigger.None, null, null, null);
        }

        if (!CheckTriggerAllowed(id, tag, kind, trigger, definitionTag))
        {
            return (trigger, null, null, null);
        }

        return trigger switch
        {
            EventTrigger.Timer => (trigger, ReadTimer(definition, id), null, null),
            EventTrigger.Message => (trigger, null, ResolveMessage(id, Attr(definition, "messageRef"), required: IsCatching(kind)), null),
            EventTrigger.Error => (trigger, null, null, ResolveError(id, Attr(definition, "errorRef"), kind is FlowNodeKind.BoundaryEvent or FlowNodeKind.StartEvent)),
            _ => (trigger, null, null, null),
        };
    }

    /// <summary>Which event definitions each event kind may carry; subprocess start events are narrowed later by the rules.</summary>
    private bool CheckTriggerAllowed(string id, string tag, FlowNodeKind kind, EventTrigger trigger, string definitionTag)
    {
        // start events of event subprocesses take more (error, escalation, conditional); BpmnRules narrows by scope
        var allowed = kind switch
        {
            FlowNodeKind.StartEvent => trigger is EventTrigger.None or EventTrigger.Timer or EventTrigger.Message or EventTrigger.Signal
                or EventTrigger.Error or EventTrigger.Escalation or EventTrigger.Conditional,
            FlowNodeKind.EndEvent => trigger is EventTrigger.None or EventTrigger.Message or EventTrigger.Error or EventTrigger.Terminate
                or EventTrigger.Signal or EventTrigger.Escalation or EventTrigger.Compensation or EventTrigger.Cancel,
            FlowNodeKind.IntermediateCatchEvent => trigger is EventTrigger.Timer or EventTrigger.Message or EventTrigger.Signal
                or EventTrigger.Conditional or EventTrigger.Link,
            FlowNodeKind.IntermediateThrowEvent => trigger is EventTrigger.None or EventTrigger.Message or EventTrigger.Signal
                or EventTrigger.Escalation or EventTrigger.Link or EventTrigger.Compensation,
            FlowNodeKind.BoundaryEvent => trigger is EventTrigger.Timer or EventTrigger.Message or EventTrigger.Error or EventTrigger.Signal
                or EventTrigger.Escalation or EventTrigger.Conditional or EventTrigger.Compensation or EventTrigger.Cancel,
            _ => true,
        };
        if (allowed)
        {
            return true;
        }

        if (kind == FlowNodeKind.IntermediateThrowEvent)
        {
            errors.Add(id, "BPMN_UNSUPPORTED_ELEMENT", $"{tag} {definitionTag}");
        }
        else
        {
            errors.Add(id, "BPMN_EVENT_TRIGGER_NOT_ALLOWED", tag, definitionTag);
        }

        return false;
    }

    /// <summary>What the newer event definitions carry: signal name, escalation code, condition, link name, compensated activity.</summary>
    private EventExtras ReadEventExtras(XElement element, string id, FlowNodeKind kind, EventTrigger trigger)
    {
        var definition = element.Elements().FirstOrDefault(e => e.Name.Namespace == Bpmn && e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal));
        if (definition is null)
        {
            return default;
        }

        switch (trigger)
        {
            case EventTrigger.Signal:
                var signalRef = Attr(definition, "signalRef");
                if (signalRef is null || !signalNames.TryGetValue(signalRef, out var signal) || signal is null)
                {
                    errors.Add(id, "BPMN_SIGNAL_MISSING", signalRef ?? "");
                    return new EventExtras { Failed = true };
                }

                return new EventExtras { SignalName = signal };
            case EventTrigger.Escalation:
                var escalationRef = Attr(definition, "escalationRef");
                var isCatch = kind is FlowNodeKind.BoundaryEvent or FlowNodeKind.StartEvent;
                if (escalationRef is null && isCatch)
                {
                    return default; // catches every escalation
                }

                if (escalationRef is null || !escalationCodes.TryGetValue(escalationRef, out var code) || code is null)
                {
                    errors.Add(id, "BPMN_ESCALATION_MISSING", escalationRef ?? "");
                    return new EventExtras { Failed = true };
                }

                return new EventExtras { EscalationCode = code };
            case EventTrigger.Conditional:
                var condition = TextOrNull(definition.Element(Bpmn + "condition"));
                if (condition is null)
                {
                    errors.Add(id, "BPMN_CONDITION_MISSING");
                    return new EventExtras { Failed = true };
                }

                return CheckExpression(id, condition, "condition") ? new EventExtras { Condition = condition } : new EventExtras { Failed = true };
            case EventTrigger.Link:
                var name = Attr(definition, "name");
                if (name is null)
                {
                    errors.Add(id, "BPMN_LINK_NAME_MISSING");
                    return new EventExtras { Failed = true };
                }

                return new EventExtras { LinkName = name };
            case EventTrigger.Compensation:
                if (string.Equals(Attr(definition, "waitForCompletion"), "false", StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add(id, "BPMN_COMPENSATION_NO_WAIT");
                    return new EventExtras { Failed = true };
                }

                return new EventExtras { ActivityRef = Attr(definition, "activityRef") };
            default:
                return default;
        }
    }

    /// <summary>A condition is an expression (${...}); a bare JavaScript program would pass deployment and fail at run time.</summary>
    private void CheckCondition(string id, XElement expression)
    {
        var language = Attr(expression, "language");
        if (language is not null && !IsJavaScript(language))
        {
            errors.Add(id, "BPMN_SCRIPT_LANGUAGE_UNSUPPORTED", language);
            return;
        }

        CheckExpression(id, TextOrNull(expression), "conditionExpression");
    }

    /// <summary>Refuses text that is not one ${...} expression, or whose JavaScript does not parse; true when fine (or absent).</summary>
    private bool CheckExpression(string id, string? text, string what)
    {
        if (text is null)
        {
            return true;
        }

        if (!Expressions.JintExpressionEvaluator.IsSingleExpression(text))
        {
            errors.Add(id, "BPMN_CONDITION_NOT_EXPRESSION", what, Shorten(text));
            return false;
        }

        if (Expressions.JintExpressionEvaluator.SyntaxErrorOf(text) is { } syntax)
        {
            errors.Add(id, "BPMN_EXPRESSION_SYNTAX", what, syntax);
            return false;
        }

        return true;
    }

    /// <summary>Script tasks run JavaScript, inline, in the expression sandbox; another language or an external resource is refused by name.</summary>
    private void CheckScript(XElement element, string id)
    {
        var format = Attr(element, "scriptFormat");
        if (format is null || !IsJavaScript(format))
        {
            errors.Add(id, "BPMN_SCRIPT_LANGUAGE_UNSUPPORTED", format ?? "");
            return;
        }

        if (Attr(element, Camunda + "resource") is { } resource)
        {
            errors.Add(id, "BPMN_SCRIPT_RESOURCE_UNSUPPORTED", resource);
            return;
        }

        var script = TextOrNull(element.Element(Bpmn + "script"));
        if (script is null)
        {
            errors.Add(id, "BPMN_SCRIPT_MISSING");
        }
        else if (Expressions.JintExpressionEvaluator.ScriptSyntaxErrorOf(script) is { } syntax)
        {
            errors.Add(id, "BPMN_EXPRESSION_SYNTAX", "script", syntax);
        }
    }

    private static bool IsJavaScript(string language) =>
        language.Trim().ToLowerInvariant() is "javascript" or "js" or "ecmascript" or "application/javascript" or "text/javascript";

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private TimerDefinition? ReadTimer(XElement definition, string id)
    {
        var parts = definition.Elements()
            .Where(e => e.Name.Namespace == Bpmn && TimerParts.Contains(e.Name.LocalName))
            .ToList();
        if (parts.Count != 1 || string.IsNullOrWhiteSpace(parts[0].Value))
        {
            errors.Add(id, "BPMN_TIMER_INVALID");
            return null;
        }

        var part = parts[0];
        var text = part.Value.Trim();
        var kind = part.Name.LocalName switch
        {
            "timeDate" => TimerKind.Date,
            "timeDuration" => TimerKind.Duration,
            _ => TimerKind.Cycle,
        };
        if (!IsoTimer.IsExpression(text))
        {
            var valid = kind switch
            {
                TimerKind.Date => IsoTimer.TryParseDate(text, out _),
                TimerKind.Duration => IsoTimer.TryParseDuration(text, out _),
                _ => IsoTimer.TryParseCycle(text, out _, out _, out _),
            };
            if (!valid)
            {
                errors.Add(id, "BPMN_TIMER_VALUE_INVALID", part.Name.LocalName, text);
            }
        }

        return new TimerDefinition(kind, text);
    }

    private string? ResolveMessage(string id, string? messageRef, bool required)
    {
        if (messageRef is null)
        {
            if (required)
            {
                errors.Add(id, "BPMN_MESSAGE_MISSING", "");
            }

            return null;
        }

        if (messageNames.TryGetValue(messageRef, out var name) && !string.IsNullOrWhiteSpace(name))
        {
            return name;
        }

        errors.Add(id, "BPMN_MESSAGE_MISSING", messageRef);
        return null;
    }

    /// <summary>An error end event needs an error with a code; a boundary without errorRef (or whose error has no code) catches every error.</summary>
    private string? ResolveError(string id, string? errorRef, bool isBoundary)
    {
        if (errorRef is null)
        {
            if (!isBoundary)
            {
                errors.Add(id, "BPMN_ERROR_CODE_MISSING", "");
            }

            return null;
        }

        if (!errorCodes.TryGetValue(errorRef, out var code) || (code is null && !isBoundary))
        {
            errors.Add(id, "BPMN_ERROR_CODE_MISSING", errorRef);
            return null;
        }

        return code;
    }

    private (List<IoParameter> Inputs, List<IoParameter> Outputs) ReadInputOutput(XElement? extensions, string id)
    {
        List<IoParameter> inputs = [];
        List<IoParameter> outputs = [];
        var inputOutput = extensions?.Element(Camunda + "inputOutput");
        if (inputOutput is null)
        {
            return (inputs, outputs);
        }

        foreach (var parameter in inputOutput.Elements())
        {
            var target = parameter.Name == Camunda + "inputParameter" ? inputs
                : parameter.Name == Camunda + "outputParameter" ? outputs
                : null;
            if (target is null)
            {
                continue;
            }

            var name = Attr(parameter, "name");
            if (name is null)
            {
                errors.Add(id, "BPMN_IO_PARAMETER_NO_NAME");
                continue;
            }

            var nested = parameter.Elements().FirstOrDefault();
            if (nested is not null)
            {
                errors.Add(id, "BPMN_UNSUPPORTED_MAPPING", name, nested.Name.LocalName);
                continue;
            }

            target.Add(new IoParameter(name, parameter.Value.Length == 0 ? null : parameter.Value));
        }

        return (inputs, outputs);
    }

    private (List<CallMapping> In, List<CallMapping> Out) ReadCallMappings(XElement? extensions, string id)
    {
        List<CallMapping> inMappings = [];
        List<CallMapping> outMappings = [];
        if (extensions is null)
        {
            return (inMappings, outMappings);
        }

        foreach (var mapping in extensions.Elements())
        {
            var isIn = mapping.Name == Camunda + "in";
            if (!isIn && mapping.Name != Camunda + "out")
            {
                continue;
            }

            var source = Attr(mapping, "source");
            var sourceExpression = Attr(mapping, "sourceExpression");
            var target = Attr(mapping, "target");
            var all = string.Equals(Attr(mapping, "variables"), "all", StringComparison.Ordinal);
            var businessKey = Attr(mapping, "businessKey");
            var kinds = (source is null ? 0 : 1) + (sourceExpression is null ? 0 : 1) + (all ? 1 : 0) + (businessKey is null ? 0 : 1);
            var valid = kinds == 1
                && (source is null && sourceExpression is null || !string.IsNullOrWhiteSpace(target))
                && (businessKey is null || isIn);
            if (!valid)
            {
                errors.Add(id, "BPMN_CALL_MAPPING_INVALID", mapping.Name.LocalName);
                continue;
            }

            (isIn ? inMappings : outMappings).Add(new CallMapping(source, sourceExpression, target, all, businessKey, IsTrue(mapping, "local")));
        }

        return (inMappings, outMappings);
    }

    private static Dictionary<string, string> ReadProperties(XElement? extensions)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var container = extensions?.Element(Camunda + "properties");
        if (container is null)
        {
            return properties;
        }

        foreach (var property in container.Elements(Camunda + "property"))
        {
            var name = Attr(property, "name");
            if (name is not null)
            {
                properties[name] = Attr(property, "value") ?? "";
            }
        }

        return properties;
    }

    private static List<string> SplitList(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();

    private LoopCharacteristics? ReadLoop(XElement element, string id)
    {
        var loop = element.Element(Bpmn + "multiInstanceLoopCharacteristics");
        if (loop is null)
        {
            return null;
        }

        CheckExpression(id, TextOrNull(loop.Element(Bpmn + "completionCondition")), "completionCondition");

        return new LoopCharacteristics
        {
            IsSequential = IsTrue(loop, "isSequential"),
            Collection = Attr(loop, Camunda + "collection"),
            ElementVariable = Attr(loop, Camunda + "elementVariable"),
            LoopCardinality = TextOrNull(loop.Element(Bpmn + "loopCardinality")),
            CompletionCondition = TextOrNull(loop.Element(Bpmn + "completionCondition")),
        };
    }

    private void ReadFlow(XElement element, FlowNode? scope, ScopeContext context)
    {
        var id = Attr(element, "id");
        if (id is null)
        {
            errors.AddDocument("BPMN_ID_MISSING", Line(element), "sequenceFlow");
            return;
        }

        var flow = new SequenceFlow
        {
            Id = id,
            Name = Attr(element, "name"),
            SourceId = Attr(element, "sourceRef") ?? "",
            TargetId = Attr(element, "targetRef") ?? "",
            Condition = TextOrNull(element.Element(Bpmn + "conditionExpression")),
        };
        if (element.Element(Bpmn + "conditionExpression") is { } expression)
        {
            CheckCondition(id, expression);
        }

        context.Flows.Add((flow, scope));
    }

    private void WireBoundaries(ScopeContext context)
    {
        foreach (var boundary in context.Boundaries)
        {
            var declaredScope = context.DeclaredScope[boundary];
            if (boundary.Rejected)
            {
                continue;
            }

            if (boundary.AttachedToId is null
                || !context.Definition.NodesById.TryGetValue(boundary.AttachedToId, out var activity)
                || !activity.IsActivity
                || activity.Parent != declaredScope)
            {
                errors.Add(boundary.Id, "BPMN_BOUNDARY_ATTACHMENT_INVALID", boundary.AttachedToId ?? "");
                continue;
            }

            boundary.AttachedTo = activity;
            boundary.Parent = activity.Parent;
            activity.Boundaries.Add(boundary);
        }
    }

    private void WireFlows(ScopeContext context)
    {
        var nodes = context.Definition.NodesById;
        foreach (var (flow, scope) in context.Flows)
        {
            context.Definition.FlowsById.TryAdd(flow.Id, flow);
            var hasSource = nodes.TryGetValue(flow.SourceId, out var source);
            var hasTarget = nodes.TryGetValue(flow.TargetId, out var target);
            if (!hasSource)
            {
                errors.Add(flow.Id, "BPMN_FLOW_ENDPOINT_MISSING", "sourceRef", flow.SourceId);
            }

            if (!hasTarget)
            {
                errors.Add(flow.Id, "BPMN_FLOW_ENDPOINT_MISSING", "targetRef", flow.TargetId);
            }

            if (source is null || target is null)
            {
                continue;
            }

            flow.Source = source;
            flow.Target = target;
            source.Outgoing.Add(flow);
            target.Incoming.Add(flow);
            if (source.Parent != scope || target.Parent != scope)
            {
                errors.Add(flow.Id, "BPMN_FLOW_CROSSES_SCOPE", source.Id, target.Id);
            }
        }
    }

    /// <summary>A compensation boundary event names its handler by an association from the boundary to an isForCompensation activity.</summary>
    private void WireCompensationHandlers(ScopeContext context)
    {
        var nodes = context.Definition.NodesById;
        foreach (var boundary in context.Boundaries.Where(b => b.Trigger == EventTrigger.Compensation && b.AttachedTo is not null))
        {
            var handlers = context.Associations
                .Where(a => a.From == boundary.Id && nodes.TryGetValue(a.To, out var n) && n.IsActivity)
                .Select(a => nodes[a.To]).Distinct().ToList();
            if (handlers.Count != 1 || !handlers[0].IsForCompensation)
            {
                errors.Add(boundary.Id, "BPMN_COMPENSATION_HANDLER_MISSING", handlers.Count == 1 ? handlers[0].Id : "");
                continue;
            }

            boundary.AttachedTo!.CompensationHandler = handlers[0];
        }
    }

    private void Unsupported(XElement element, string tag)
    {
        var id = Attr(element, "id");
        if (id is null)
        {
            errors.AddDocument("BPMN_UNSUPPORTED_ELEMENT", $"第 {Line(element)} 行", tag);
        }
        else
        {
            errors.Add(id, "BPMN_UNSUPPORTED_ELEMENT", tag);
        }
    }

    private static bool IsEvent(FlowNodeKind kind) => kind is FlowNodeKind.StartEvent or FlowNodeKind.EndEvent
        or FlowNodeKind.IntermediateCatchEvent or FlowNodeKind.IntermediateThrowEvent or FlowNodeKind.BoundaryEvent;

    private static bool IsCatching(FlowNodeKind kind) => kind is FlowNodeKind.StartEvent
        or FlowNodeKind.IntermediateCatchEvent or FlowNodeKind.BoundaryEvent;

    private static string? Attr(XElement element, XName name)
    {
        var value = (string?)element.Attribute(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static bool IsTrue(XElement element, XName name) =>
        string.Equals(Attr(element, name), "true", StringComparison.OrdinalIgnoreCase);

    private static string? TextOrNull(XElement? element)
    {
        var text = element?.Value.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static int Line(XElement element) => ((IXmlLineInfo)element).LineNumber;

    private readonly record struct EventExtras
    {
        public string? SignalName { get; init; }
        public string? EscalationCode { get; init; }
        public string? Condition { get; init; }
        public string? LinkName { get; init; }
        public string? ActivityRef { get; init; }
        public bool Failed { get; init; }
    }

    private sealed class ScopeContext(ProcessDefinition definition)
    {
        public ProcessDefinition Definition { get; } = definition;
        public Dictionary<FlowNode, FlowNode?> DeclaredScope { get; } = [];
        public List<FlowNode> Boundaries { get; } = [];
        public List<(SequenceFlow Flow, FlowNode? Scope)> Flows { get; } = [];
        public List<(string From, string To)> Associations { get; } = [];
    }
}
