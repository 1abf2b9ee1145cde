using Decoupling.Engine.Parsing;
using static Decoupling.Engine.Tests.Parsing.BpmnXml;

namespace Decoupling.Engine.Tests.Parsing;

/// <summary>Each mistake in a model is reported once, on the element that has it, in Chinese; nothing follows from it.</summary>
public sealed class OneMessagePerCauseTests
{
    private const string Signals = """<bpmn:signal id="Signal_Known" name="policy-changed" />""";

    [Fact]
    public void An_unsupported_element_with_flows_and_a_boundary_event_is_one_error()
    {
        var errors = BpmnParser.Validate(Around(
            """<bpmn:complexGateway id="Node" />""",
            """<bpmn:boundaryEvent id="Late" attachedToRef="Node"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent> <bpmn:sequenceFlow id="Flow_Late" sourceRef="Late" targetRef="End" />"""));
        var error = Assert.Single(errors);
        Assert.Equal(("Node", "BPMN_UNSUPPORTED_ELEMENT"), (error.ElementId, error.Code));
        Assert.Equal("元素 Node：不支持的 BPMN 元素 complexGateway", error.Message);
    }

    [Fact]
    public void A_signal_start_with_an_unknown_signal_is_one_error_and_not_a_second_none_start()
    {
        var errors = BpmnParser.Validate(Around("""<bpmn:task id="Node" />""",
            """<bpmn:startEvent id="SignalStart"><bpmn:signalEventDefinition signalRef="Signal_Missing" /></bpmn:startEvent> <bpmn:sequenceFlow id="Flow_Signal" sourceRef="SignalStart" targetRef="Node" />""", Signals));
        var error = Assert.Single(errors);
        Assert.Equal(("SignalStart", "BPMN_SIGNAL_MISSING"), (error.ElementId, error.Code));
        Assert.Contains("Signal_Missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signal_start_beside_a_none_start_is_valid()
    {
        AssertValid(Around("""<bpmn:task id="Node" />""",
            """<bpmn:startEvent id="SignalStart"><bpmn:signalEventDefinition signalRef="Signal_Known" /></bpmn:startEvent> <bpmn:sequenceFlow id="Flow_Signal" sourceRef="SignalStart" targetRef="Node" />""", Signals));
    }

    [Theory]
    [InlineData("approved === true")]
    [InlineData("var ok = approved; ok")]
    [InlineData("${approved} &amp;&amp; ${urgent}")]
    public void A_condition_that_is_not_one_expression_is_refused_at_deployment(string condition)
    {
        var error = AssertError(Around("""<bpmn:exclusiveGateway id="Node" default="Flow_Out" />""",
            $"""<bpmn:sequenceFlow id="Flow_Yes" sourceRef="Node" targetRef="End"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{condition}</bpmn:conditionExpression></bpmn:sequenceFlow>"""),
            "BPMN_CONDITION_NOT_EXPRESSION", "Flow_Yes");
        Assert.Contains("${...}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_condition_with_a_javascript_syntax_error_is_refused_at_deployment()
    {
        AssertError(Around("""<bpmn:exclusiveGateway id="Node" default="Flow_Out" />""",
            """<bpmn:sequenceFlow id="Flow_Yes" sourceRef="Node" targetRef="End"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${approved ===}</bpmn:conditionExpression></bpmn:sequenceFlow>"""),
            "BPMN_EXPRESSION_SYNTAX", "Flow_Yes");
    }

    [Theory]
    [InlineData("groovy")]
    [InlineData("python")]
    [InlineData("")]
    public void A_script_in_another_language_than_javascript_is_refused_by_name(string language)
    {
        var format = language.Length == 0 ? "" : $" scriptFormat=\"{language}\"";
        var error = AssertError(Around($"""<bpmn:scriptTask id="Node"{format}><bpmn:script>1</bpmn:script></bpmn:scriptTask>"""),
            "BPMN_SCRIPT_LANGUAGE_UNSUPPORTED", "Node");
        Assert.Contains($"“{language}”", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_javascript_script_task_with_a_result_variable_is_valid_and_read()
    {
        var xml = Around("""<bpmn:scriptTask id="Node" scriptFormat="JavaScript" camunda:resultVariable="sum"><bpmn:script>a + b</bpmn:script></bpmn:scriptTask>""");
        AssertValid(xml);
        var node = BpmnParser.Parse(xml).Processes[0].GetNode("Node");
        Assert.Equal(("a + b", "sum"), (node.Script, node.ResultVariable));
    }

    [Fact]
    public void A_link_throw_without_a_catch_of_its_name_is_refused()
    {
        AssertError(Around("""<bpmn:task id="Node" />""",
            """<bpmn:intermediateThrowEvent id="Jump"><bpmn:linkEventDefinition name="nowhere" /></bpmn:intermediateThrowEvent> <bpmn:sequenceFlow id="Flow_Jump" sourceRef="Node" targetRef="Jump" />"""),
            "BPMN_LINK_TARGET_MISSING", "Jump");
    }

    [Fact]
    public void A_cancel_end_event_outside_a_transaction_is_refused()
    {
        AssertError(Around("""<bpmn:endEvent id="Node"><bpmn:cancelEventDefinition /></bpmn:endEvent>""").Replace(
            """<bpmn:sequenceFlow id="Flow_Out" sourceRef="Node" targetRef="End" />""", "", StringComparison.Ordinal),
            "BPMN_CANCEL_OUTSIDE_TRANSACTION", "Node");
    }

    [Fact]
    public void A_compensation_boundary_without_a_handler_names_the_boundary()
    {
        AssertError(Around("""<bpmn:task id="Node" />""",
            """<bpmn:boundaryEvent id="Undo" attachedToRef="Node"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>"""),
            "BPMN_COMPENSATION_HANDLER_MISSING", "Undo");
    }

    [Fact]
    public void An_escalation_boundary_on_a_user_task_is_refused()
    {
        AssertError(Around("""<bpmn:userTask id="Node" camunda:assignee="a" />""",
            """<bpmn:boundaryEvent id="Esc" attachedToRef="Node"><bpmn:escalationEventDefinition /></bpmn:boundaryEvent> <bpmn:sequenceFlow id="Flow_Esc" sourceRef="Esc" targetRef="End" />"""),
            "BPMN_ESCALATION_BOUNDARY_NOT_ALLOWED", "Esc");
    }
}
