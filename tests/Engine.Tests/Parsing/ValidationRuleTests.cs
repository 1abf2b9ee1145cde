using Decoupling.Engine.Parsing;
using static Decoupling.Engine.Tests.Parsing.BpmnXml;

namespace Decoupling.Engine.Tests.Parsing;

public class ValidationRuleTests
{
    private const string Messages = """<bpmn:message id="Message_1" name="reply" /><bpmn:error id="Error_1" errorCode="E1" /><bpmn:error id="Error_NoCode" />""";

    [Fact]
    public void A_minimal_linear_process_is_valid()
    {
        AssertValid(Around("""<bpmn:task id="Node" />"""));
    }

    [Fact]
    public void A_duplicate_id_is_refused_with_that_id()
    {
        AssertError(Around("""<bpmn:task id="Node" />""", """<bpmn:task id="End" />"""), "BPMN_DUPLICATE_ID", "End");
    }

    [Fact]
    public void A_flow_node_without_id_is_refused()
    {
        var error = AssertError(Around("""<bpmn:task id="Node" />""", "<bpmn:task />"), "BPMN_ID_MISSING", null);
        Assert.Contains("task", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("businessRuleTask")]
    [InlineData("complexGateway")]
    [InlineData("adHocSubProcess")]
    [InlineData("somethingNew")]
    public void An_unsupported_flow_element_is_named_with_its_id_and_tag(string tag)
    {
        var error = AssertError(Around($"""<bpmn:{tag} id="Node" />"""), "BPMN_UNSUPPORTED_ELEMENT", "Node");
        Assert.Equal($"元素 Node：不支持的 BPMN 元素 {tag}", error.Message);
    }

    [Theory]
    [InlineData("escalationEventDefinition")]
    [InlineData("compensateEventDefinition")]
    [InlineData("errorEventDefinition")]
    [InlineData("cancelEventDefinition")]
    public void A_catch_event_with_a_definition_only_throw_or_boundary_events_take_is_refused(string definition)
    {
        var error = AssertError(
            Around($"""<bpmn:intermediateCatchEvent id="Node"><bpmn:{definition} id="Def_1" /></bpmn:intermediateCatchEvent>"""),
            "BPMN_EVENT_TRIGGER_NOT_ALLOWED", "Node");
        Assert.Contains(definition, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_loop_characteristics_are_unsupported()
    {
        AssertError(Around("""<bpmn:task id="Node"><bpmn:standardLoopCharacteristics /></bpmn:task>"""), "BPMN_UNSUPPORTED_ELEMENT", "Node");
    }

    [Fact]
    public void An_event_subprocess_needs_a_start_event_with_a_trigger()
    {
        AssertError(
            Around("""<bpmn:task id="Node" />""", """<bpmn:subProcess id="EventSub" triggeredByEvent="true"><bpmn:startEvent id="ES" /></bpmn:subProcess>"""),
            "BPMN_EVENT_TRIGGER_NOT_ALLOWED", "ES");
    }

    [Fact]
    public void An_intermediate_throw_event_other_than_none_or_message_is_unsupported()
    {
        AssertError(
            Around("""<bpmn:intermediateThrowEvent id="Node"><bpmn:errorEventDefinition errorRef="Error_1" /></bpmn:intermediateThrowEvent>""", rootElements: Messages),
            "BPMN_UNSUPPORTED_ELEMENT", "Node");
    }

    [Fact]
    public void An_event_with_two_definitions_is_refused()
    {
        AssertError(
            Around("""<bpmn:intermediateCatchEvent id="Node"><bpmn:messageEventDefinition messageRef="Message_1" /><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""", rootElements: Messages),
            "BPMN_EVENT_MULTIPLE_DEFINITIONS", "Node");
    }

    [Fact]
    public void A_timer_on_an_end_event_is_not_allowed()
    {
        AssertError(
            Around("""<bpmn:task id="Node" />""", """<bpmn:endEvent id="End2"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:endEvent>"""),
            "BPMN_EVENT_TRIGGER_NOT_ALLOWED", "End2");
    }

    [Fact]
    public void A_catch_event_without_definition_is_not_allowed()
    {
        AssertError(Around("""<bpmn:intermediateCatchEvent id="Node" />"""), "BPMN_EVENT_TRIGGER_NOT_ALLOWED", "Node");
    }

    [Fact]
    public void Flow_to_a_node_in_another_subprocess_is_refused_with_the_flow_id()
    {
        AssertError(
            Around(
                """<bpmn:subProcess id="Node"><bpmn:startEvent id="SubStart" /><bpmn:sequenceFlow id="Sub_F" sourceRef="SubStart" targetRef="SubEnd" /><bpmn:endEvent id="SubEnd" /></bpmn:subProcess>""",
                """<bpmn:sequenceFlow id="Flow_Cross" sourceRef="Start" targetRef="SubEnd" />"""),
            "BPMN_FLOW_CROSSES_SCOPE", "Flow_Cross");
    }

    [Fact]
    public void A_flow_to_a_missing_node_is_refused_with_the_flow_id()
    {
        var error = AssertError(Around("""<bpmn:task id="Node" />""", """<bpmn:sequenceFlow id="Flow_Lost" sourceRef="Node" targetRef="Nowhere" />"""),
            "BPMN_FLOW_ENDPOINT_MISSING", "Flow_Lost");
        Assert.Contains("Nowhere", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_process_without_a_start_event_is_refused()
    {
        AssertError(Process("""<bpmn:task id="T" />"""), "BPMN_PROCESS_NO_START", "Process_1");
    }

    [Fact]
    public void A_non_executable_process_is_parsed_and_still_validated()
    {
        var document = BpmnParser.Parse(Around("""<bpmn:task id="Node" />""").Replace("isExecutable=\"true\"", "isExecutable=\"false\"", StringComparison.Ordinal));
        Assert.False(document.Processes[0].IsExecutable);
        AssertError(Process("""<bpmn:task id="T" />""", processAttributes: """isExecutable="false" """), "BPMN_PROCESS_NO_START", "Process_1");
    }

    [Fact]
    public void A_process_may_start_with_a_timer_alone()
    {
        AssertValid(Around("""<bpmn:task id="Node" />""").Replace(
            """<bpmn:startEvent id="Start" />""",
            """<bpmn:startEvent id="Start"><bpmn:timerEventDefinition><bpmn:timeCycle>R/P1D</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>""",
            StringComparison.Ordinal));
    }

    [Fact]
    public void A_subprocess_without_a_none_start_event_is_refused()
    {
        AssertError(
            Around("""<bpmn:subProcess id="Node"><bpmn:task id="Inner" /></bpmn:subProcess>"""),
            "BPMN_SUBPROCESS_NO_START", "Node");
    }

    [Fact]
    public void A_subprocess_start_event_with_a_timer_is_refused()
    {
        AssertError(
            Around("""<bpmn:subProcess id="Node"><bpmn:startEvent id="SubStart" /><bpmn:startEvent id="TimerStart"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent><bpmn:sequenceFlow id="SF1" sourceRef="SubStart" targetRef="SubEnd" /><bpmn:sequenceFlow id="SF2" sourceRef="TimerStart" targetRef="SubEnd" /><bpmn:endEvent id="SubEnd" /></bpmn:subProcess>"""),
            "BPMN_EVENT_TRIGGER_NOT_ALLOWED", "TimerStart");
    }

    [Fact]
    public void Two_none_start_events_in_one_scope_are_refused()
    {
        AssertError(
            Around("""<bpmn:task id="Node" />""", """<bpmn:startEvent id="Start2" /><bpmn:sequenceFlow id="F2" sourceRef="Start2" targetRef="Node" />"""),
            "BPMN_MULTIPLE_NONE_START", "Start2");
    }

    [Fact]
    public void A_start_event_with_incoming_flow_is_refused()
    {
        AssertError(Around("""<bpmn:task id="Node" />""", """<bpmn:sequenceFlow id="Back" sourceRef="Node" targetRef="Start" />"""),
            "BPMN_START_HAS_INCOMING", "Start");
    }

    [Fact]
    public void An_end_event_with_outgoing_flow_is_refused()
    {
        AssertError(Around("""<bpmn:task id="Node" />""", """<bpmn:sequenceFlow id="After" sourceRef="End" targetRef="Node" />"""),
            "BPMN_END_HAS_OUTGOING", "End");
    }

    [Fact]
    public void A_task_without_incoming_flow_is_refused()
    {
        AssertError(Around("""<bpmn:task id="Node" />""", """<bpmn:task id="Orphan" /><bpmn:sequenceFlow id="F9" sourceRef="Orphan" targetRef="End" />"""),
            "BPMN_NODE_NO_INCOMING", "Orphan");
    }

    [Fact]
    public void A_gateway_without_outgoing_flow_is_refused()
    {
        AssertError(Around("""<bpmn:exclusiveGateway id="Node" />""", """<bpmn:exclusiveGateway id="Dead" /><bpmn:sequenceFlow id="F9" sourceRef="Start" targetRef="Dead" />"""),
            "BPMN_NODE_NO_OUTGOING", "Dead");
    }

    [Fact]
    public void A_boundary_event_without_outgoing_flow_is_refused()
    {
        AssertError(
            Around("""<bpmn:userTask id="Node" />""", """<bpmn:boundaryEvent id="B" attachedToRef="Node"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>"""),
            "BPMN_NODE_NO_OUTGOING", "B");
    }

    [Fact]
    public void A_boundary_event_with_incoming_flow_is_refused()
    {
        AssertError(
            Around("""<bpmn:userTask id="Node" />""", """<bpmn:boundaryEvent id="B" attachedToRef="Node"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent><bpmn:sequenceFlow id="F8" sourceRef="Start" targetRef="B" /><bpmn:sequenceFlow id="F9" sourceRef="B" targetRef="End" />"""),
            "BPMN_BOUNDARY_HAS_INCOMING", "B");
    }

    [Theory]
    [InlineData("Missing")]
    [InlineData("End")]
    public void A_boundary_event_must_be_attached_to_an_existing_activity(string attachedTo)
    {
        AssertError(
            Around("""<bpmn:userTask id="Node" />""", $"""<bpmn:boundaryEvent id="B" attachedToRef="{attachedTo}"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent><bpmn:sequenceFlow id="F9" sourceRef="B" targetRef="End" />"""),
            "BPMN_BOUNDARY_ATTACHMENT_INVALID", "B");
    }

    [Fact]
    public void An_error_boundary_on_a_user_task_is_refused()
    {
        AssertError(
            Around("""<bpmn:userTask id="Node" />""", """<bpmn:boundaryEvent id="B" attachedToRef="Node"><bpmn:errorEventDefinition errorRef="Error_1" /></bpmn:boundaryEvent><bpmn:sequenceFlow id="F9" sourceRef="B" targetRef="End" />""", Messages),
            "BPMN_ERROR_BOUNDARY_NOT_ALLOWED", "B");
    }

    [Fact]
    public void A_non_interrupting_error_boundary_is_refused()
    {
        AssertError(
            Around("""<bpmn:serviceTask id="Node" camunda:type="external" camunda:topic="t" />""", """<bpmn:boundaryEvent id="B" cancelActivity="false" attachedToRef="Node"><bpmn:errorEventDefinition /></bpmn:boundaryEvent><bpmn:sequenceFlow id="F9" sourceRef="B" targetRef="End" />"""),
            "BPMN_ERROR_BOUNDARY_NOT_INTERRUPTING", "B");
    }

    [Fact]
    public void An_error_boundary_whose_error_has_no_code_catches_every_error()
    {
        var document = BpmnParser.Parse(
            Around("""<bpmn:serviceTask id="Node" camunda:type="external" camunda:topic="t" />""", """<bpmn:boundaryEvent id="B" attachedToRef="Node"><bpmn:errorEventDefinition errorRef="Error_NoCode" /></bpmn:boundaryEvent><bpmn:sequenceFlow id="F9" sourceRef="B" targetRef="End" />""", Messages));
        Assert.Null(document.Processes[0].GetNode("B").ErrorCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("errorRef=\"Error_NoCode\"")]
    [InlineData("errorRef=\"Error_Missing\"")]
    public void An_error_end_event_needs_an_error_code(string reference)
    {
        AssertError(
            Around("""<bpmn:task id="Node" />""", $"""<bpmn:endEvent id="ErrEnd"><bpmn:errorEventDefinition {reference} /></bpmn:endEvent><bpmn:sequenceFlow id="F9" sourceRef="Node" targetRef="ErrEnd" />""", Messages),
            "BPMN_ERROR_CODE_MISSING", "ErrEnd");
    }

    [Theory]
    [InlineData("""<bpmn:receiveTask id="Node" />""")]
    [InlineData("""<bpmn:receiveTask id="Node" messageRef="Message_Missing" />""")]
    [InlineData("""<bpmn:intermediateCatchEvent id="Node"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>""")]
    public void A_message_catch_or_receive_task_needs_a_message(string node)
    {
        AssertError(Around(node, rootElements: Messages), "BPMN_MESSAGE_MISSING", "Node");
    }

    [Fact]
    public void A_message_boundary_needs_a_message()
    {
        AssertError(
            Around("""<bpmn:userTask id="Node" />""", """<bpmn:boundaryEvent id="B" attachedToRef="Node"><bpmn:messageEventDefinition messageRef="Nope" /></bpmn:boundaryEvent><bpmn:sequenceFlow id="F9" sourceRef="B" targetRef="End" />""", Messages),
            "BPMN_MESSAGE_MISSING", "B");
    }

    [Theory]
    [InlineData("")]
    [InlineData("<bpmn:timeDuration>  </bpmn:timeDuration>")]
    [InlineData("<bpmn:timeDuration>PT1H</bpmn:timeDuration><bpmn:timeCycle>R/PT1H</bpmn:timeCycle>")]
    public void A_timer_needs_exactly_one_non_empty_definition(string parts)
    {
        AssertError(Around($"""<bpmn:intermediateCatchEvent id="Node"><bpmn:timerEventDefinition>{parts}</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"""),
            "BPMN_TIMER_INVALID", "Node");
    }

    [Theory]
    [InlineData("timeDuration", "3 days")]
    [InlineData("timeCycle", "R3/1H")]
    [InlineData("timeDate", "2025-02-30T09:00:00")]
    public void A_literal_timer_value_must_be_iso_8601(string part, string value)
    {
        var error = AssertError(Around($"""<bpmn:intermediateCatchEvent id="Node"><bpmn:timerEventDefinition><bpmn:{part} xsi:type="bpmn:tFormalExpression">{value}</bpmn:{part}></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"""),
            "BPMN_TIMER_VALUE_INVALID", "Node");
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timer_expression_is_left_to_the_runtime()
    {
        AssertValid(Around("""<bpmn:intermediateCatchEvent id="Node"><bpmn:timerEventDefinition><bpmn:timeDuration>${reminderDelay}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"""));
    }

    [Theory]
    [InlineData("""<bpmn:serviceTask id="Node" />""")]
    [InlineData("""<bpmn:serviceTask id="Node" camunda:type="external" />""")]
    [InlineData("""<bpmn:serviceTask id="Node" camunda:class="com.example.Delegate" />""")]
    [InlineData("""<bpmn:sendTask id="Node" camunda:type="connector" camunda:topic="t" />""")]
    public void A_service_or_send_task_must_be_external_with_a_topic(string node)
    {
        AssertError(Around(node), "BPMN_SERVICE_NO_TOPIC", "Node");
    }

    [Fact]
    public void A_message_end_event_may_be_external_but_then_needs_a_topic()
    {
        AssertValid(Around("""<bpmn:task id="Node" />""", rootElements: Messages)
            .Replace("""<bpmn:endEvent id="End" />""", """<bpmn:endEvent id="End"><bpmn:messageEventDefinition messageRef="Message_1" /></bpmn:endEvent>""", StringComparison.Ordinal));
        AssertError(Around("""<bpmn:task id="Node" />""", rootElements: Messages)
            .Replace("""<bpmn:endEvent id="End" />""", """<bpmn:endEvent id="End" camunda:type="external"><bpmn:messageEventDefinition messageRef="Message_1" /></bpmn:endEvent>""", StringComparison.Ordinal),
            "BPMN_SERVICE_NO_TOPIC", "End");
    }

    private static string Gateway(string tag, string gatewayAttributes, string flowA, string flowB) => Process(
        $"""
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="F0" sourceRef="Start" targetRef="Gw" />
            <bpmn:{tag} id="Gw" {gatewayAttributes} />
            <bpmn:sequenceFlow id="FA" sourceRef="Gw" targetRef="EndA">{flowA}</bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="FB" sourceRef="Gw" targetRef="EndB">{flowB}</bpmn:sequenceFlow>
            <bpmn:endEvent id="EndA" />
            <bpmn:endEvent id="EndB" />
        """);

    private const string Condition = """<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${ok}</bpmn:conditionExpression>""";

    [Theory]
    [InlineData("exclusiveGateway")]
    [InlineData("inclusiveGateway")]
    public void Each_non_default_flow_of_a_branching_gateway_needs_a_condition(string tag)
    {
        AssertError(Gateway(tag, "", Condition, ""), "BPMN_GATEWAY_FLOW_NO_CONDITION", "FB");
        AssertValid(Gateway(tag, """default="FB" """, Condition, ""));
    }

    [Fact]
    public void A_default_flow_that_is_not_an_outgoing_flow_is_refused()
    {
        AssertError(Gateway("exclusiveGateway", """default="F0" """, Condition, Condition), "BPMN_DEFAULT_FLOW_INVALID", "Gw");
    }

    [Fact]
    public void A_parallel_gateway_flow_with_a_condition_is_refused()
    {
        AssertError(Gateway("parallelGateway", "", Condition, ""), "BPMN_FLOW_CONDITION_NOT_ALLOWED", "FA");
    }

    [Fact]
    public void Event_gateway_targets_must_be_waiting_events_or_receive_tasks()
    {
        AssertError(Gateway("eventBasedGateway", "", "", ""), "BPMN_EVENT_GATEWAY_TARGET_INVALID", "EndA");
    }

    [Fact]
    public void An_event_gateway_target_with_a_second_incoming_flow_is_refused()
    {
        var xml = Process(
            """
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="F0" sourceRef="Start" targetRef="Gw" />
                <bpmn:eventBasedGateway id="Gw" />
                <bpmn:sequenceFlow id="FA" sourceRef="Gw" targetRef="Wait" />
                <bpmn:sequenceFlow id="FB" sourceRef="Gw" targetRef="Receive" />
                <bpmn:sequenceFlow id="FC" sourceRef="Start" targetRef="Receive" />
                <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
                <bpmn:receiveTask id="Receive" messageRef="Message_1" />
                <bpmn:sequenceFlow id="FD" sourceRef="Wait" targetRef="End" />
                <bpmn:sequenceFlow id="FE" sourceRef="Receive" targetRef="End" />
                <bpmn:endEvent id="End" />
            """,
            Messages);
        AssertError(xml, "BPMN_EVENT_GATEWAY_TARGET_INVALID", "Receive");
        Assert.DoesNotContain(BpmnParser.Validate(xml), e => e.ElementId == "Wait");
    }

    [Fact]
    public void A_call_activity_needs_a_called_element()
    {
        AssertError(Around("""<bpmn:callActivity id="Node" />"""), "BPMN_CALL_NO_ELEMENT", "Node");
    }

    [Fact]
    public void Deployment_binding_is_unsupported()
    {
        AssertError(Around("""<bpmn:callActivity id="Node" calledElement="Child" camunda:calledElementBinding="deployment" />"""),
            "BPMN_CALL_BINDING_UNSUPPORTED", "Node");
    }

    [Theory]
    [InlineData("")]
    [InlineData("camunda:calledElementVersion=\"latest\"")]
    [InlineData("camunda:calledElementVersion=\"0\"")]
    public void Version_binding_needs_a_positive_integer_version(string version)
    {
        AssertError(Around($"""<bpmn:callActivity id="Node" calledElement="Child" camunda:calledElementBinding="version" {version} />"""),
            "BPMN_CALL_VERSION_INVALID", "Node");
    }

    [Theory]
    [InlineData("""<camunda:in target="x" />""")]
    [InlineData("""<camunda:in source="a" />""")]
    [InlineData("""<camunda:in source="a" variables="all" target="b" />""")]
    [InlineData("""<camunda:out businessKey="${key}" />""")]
    public void A_call_mapping_must_say_exactly_what_it_passes(string mapping)
    {
        AssertError(Around($"""<bpmn:callActivity id="Node" calledElement="Child"><bpmn:extensionElements>{mapping}</bpmn:extensionElements></bpmn:callActivity>"""),
            "BPMN_CALL_MAPPING_INVALID", "Node");
    }

    [Fact]
    public void Multi_instance_needs_a_collection_or_a_cardinality()
    {
        AssertError(Around("""<bpmn:userTask id="Node"><bpmn:multiInstanceLoopCharacteristics camunda:elementVariable="x" /></bpmn:userTask>"""),
            "BPMN_MULTI_INSTANCE_NO_COLLECTION", "Node");
    }

    [Fact]
    public void A_literal_user_task_priority_must_be_an_integer()
    {
        AssertError(Around("""<bpmn:userTask id="Node" camunda:priority="high" />"""), "BPMN_USER_TASK_PRIORITY_INVALID", "Node");
        AssertValid(Around("""<bpmn:userTask id="Node" camunda:priority="${urgent ? 90 : 50}" />"""));
    }

    [Theory]
    [InlineData("""<camunda:list><camunda:value>a</camunda:value></camunda:list>""", "list")]
    [InlineData("""<camunda:map><camunda:entry key="k">v</camunda:entry></camunda:map>""", "map")]
    [InlineData("""<camunda:script scriptFormat="groovy">1</camunda:script>""", "script")]
    public void A_nested_list_map_or_script_mapping_is_unsupported(string nested, string tag)
    {
        var error = AssertError(
            Around($"""<bpmn:serviceTask id="Node" camunda:type="external" camunda:topic="t"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="p">{nested}</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>"""),
            "BPMN_UNSUPPORTED_MAPPING", "Node");
        Assert.Contains(tag, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_terminate_end_event_is_allowed_inside_a_subprocess()
    {
        AssertValid(Around("""<bpmn:subProcess id="Node"><bpmn:startEvent id="SubStart" /><bpmn:sequenceFlow id="SF" sourceRef="SubStart" targetRef="SubEnd" /><bpmn:endEvent id="SubEnd"><bpmn:terminateEventDefinition /></bpmn:endEvent></bpmn:subProcess>"""));
    }

    [Fact]
    public void Validate_returns_every_error_rather_than_the_first()
    {
        var errors = BpmnParser.Validate(Around("""<bpmn:businessRuleTask id="Node" />""", """<bpmn:task id="Orphan" /><bpmn:userTask id="Bad" camunda:priority="x" />"""));
        Assert.Contains(errors, e => e.Code == "BPMN_UNSUPPORTED_ELEMENT" && e.ElementId == "Node");
        Assert.Contains(errors, e => e.Code == "BPMN_NODE_NO_INCOMING" && e.ElementId == "Orphan");
        Assert.Contains(errors, e => e.Code == "BPMN_USER_TASK_PRIORITY_INVALID" && e.ElementId == "Bad");
    }
}
