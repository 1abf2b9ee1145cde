using Decoupling.Engine.Model.Forms;
using Decoupling.Engine.Parsing;
using static Decoupling.Engine.Tests.Parsing.BpmnXml;

namespace Decoupling.Engine.Tests.Parsing;

/// <summary>A task's form is read with its types and constraints, and its outcomes must agree with the routing after it.</summary>
public class FormRuleTests
{
    private static string Outcomes(params string[] ids) =>
        $"""<camunda:formField id="outcome" label="结论" type="enum">{string.Concat(ids.Select(i => $"""<camunda:value id="{i}" name="结论{i}" />"""))}</camunda:formField>""";

    private static string Decided(string outcomeField, string flows, string fields = "", string processExtensions = "") => Process(
        $"""
            {processExtensions}
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="Flow_In" sourceRef="Start" targetRef="Review" />
            <bpmn:userTask id="Review"><bpmn:extensionElements><camunda:formData>{fields}{outcomeField}</camunda:formData></bpmn:extensionElements></bpmn:userTask>
            <bpmn:sequenceFlow id="Flow_G" sourceRef="Review" targetRef="G" />
            <bpmn:exclusiveGateway id="G" />
            <bpmn:endEvent id="A" /><bpmn:endEvent id="B" />
            {flows}
        """);

    private static string Flow(string id, string target, string? condition) =>
        condition is null
            ? $"""<bpmn:sequenceFlow id="{id}" sourceRef="G" targetRef="{target}" />"""
            : $"""<bpmn:sequenceFlow id="{id}" sourceRef="G" targetRef="{target}"><bpmn:conditionExpression>{condition}</bpmn:conditionExpression></bpmn:sequenceFlow>""";

    [Fact]
    public void A_form_is_read_with_types_constraints_values_and_properties()
    {
        var document = BpmnParser.Parse(Decided(
            """<camunda:formField id="outcome" label="结论" type="enum"><camunda:properties><camunda:property id="commentRequired" value="reject" /></camunda:properties><camunda:value id="approve" name="同意" /><camunda:value id="reject" name="不同意" /></camunda:formField>""",
            Flow("toA", "A", "${outcome == 'approve'}") + Flow("toB", "B", "${outcome == 'reject'}"),
            """<camunda:formField id="deadline" label="期限" type="date" defaultValue="2026-12-31"><camunda:validation><camunda:constraint name="required" /><camunda:constraint name="min" config="2026-01-01" /></camunda:validation></camunda:formField>"""));
        var form = document.Processes[0].GetNode("Review").Form!;
        var deadline = form.Find("deadline")!;
        Assert.Equal(FormFieldType.Date, deadline.Type);
        Assert.True(deadline.Constraints.Required);
        Assert.Equal("2026-01-01", deadline.Constraints.Min);
        Assert.Equal("期限", deadline.Label);
        Assert.Equal(["approve", "reject"], form.Outcome!.Values.Select(v => v.Id));
        Assert.True(form.CommentRequiredFor("reject"));
        Assert.False(form.CommentRequiredFor("approve"));
    }

    [Theory]
    [InlineData("""<camunda:formField id="x" type="customType" />""", "BPMN_FORM_FIELD_TYPE_UNSUPPORTED")]
    [InlineData("""<camunda:formField id="x" type="enum" />""", "BPMN_FORM_ENUM_NO_VALUES")]
    [InlineData("""<camunda:formField id="x" type="string"><camunda:validation><camunda:constraint name="regex" config="a" /></camunda:validation></camunda:formField>""", "BPMN_FORM_CONSTRAINT_UNKNOWN")]
    [InlineData("""<camunda:formField id="x" type="long"><camunda:validation><camunda:constraint name="min" config="abc" /></camunda:validation></camunda:formField>""", "BPMN_FORM_CONSTRAINT_CONFIG_INVALID")]
    [InlineData("""<camunda:formField id="x" type="long" defaultValue="一百" />""", "BPMN_FORM_DEFAULT_INVALID")]
    [InlineData("""<camunda:formField id="x" type="string"><camunda:validation><camunda:constraint name="requiredFor" config=" " /></camunda:validation></camunda:formField>""", "BPMN_FORM_CONSTRAINT_CONFIG_INVALID")]
    [InlineData("""<camunda:formField id="outcome" type="string" />""", "BPMN_FORM_OUTCOME_NOT_ENUM")]
    [InlineData("""<camunda:formField id="x" /><camunda:formField id="x" />""", "BPMN_FORM_FIELD_DUPLICATE")]
    [InlineData("""<camunda:formField label="无名" />""", "BPMN_FORM_FIELD_NO_ID")]
    public void A_malformed_form_is_refused_naming_the_task(string fields, string code)
    {
        var error = AssertError(Around($"""<bpmn:userTask id="Node"><bpmn:extensionElements><camunda:formData>{fields}</camunda:formData></bpmn:extensionElements></bpmn:userTask>"""), code, "Node");
        Assert.Contains("Node", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outcomes_that_the_gateway_after_the_task_routes_each_are_valid()
    {
        AssertValid(Decided(Outcomes("approve", "reject"),
            Flow("toA", "A", "${outcome == 'approve'}") + Flow("toB", "B", "${'reject' === outcome}")));
    }

    [Fact]
    public void A_declared_outcome_with_no_way_out_of_the_gateway_is_refused()
    {
        var error = AssertError(Decided(Outcomes("approve", "return", "reject"),
            Flow("toA", "A", "${outcome == 'approve'}") + Flow("toB", "B", "${outcome == 'return'}")), "BPMN_OUTCOME_NO_PATH", "Review");
        Assert.Contains("结论reject", error.Message, StringComparison.Ordinal);
        Assert.Contains("G", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_required_with_some_outcomes_is_read_and_must_name_declared_outcomes()
    {
        var field = """<camunda:formField id="forwardTo" label="批转部门" type="string"><camunda:validation><camunda:constraint name="requiredFor" config="approve, reject" /></camunda:validation></camunda:formField>""";
        var flows = Flow("toA", "A", "${outcome == 'approve'}") + Flow("toB", "B", "${outcome == 'reject'}");
        var form = BpmnParser.Parse(Decided(Outcomes("approve", "reject"), flows, field)).Processes[0].GetNode("Review").Form!;
        Assert.Equal(["approve", "reject"], form.Find("forwardTo")!.Constraints.RequiredFor);
        Assert.False(form.Find("forwardTo")!.Constraints.Required);

        var error = AssertError(Decided(Outcomes("approve", "reject"), flows, field.Replace("approve, reject", "forward", StringComparison.Ordinal)),
            "BPMN_FORM_REQUIRED_FOR_UNKNOWN_OUTCOME", "Review");
        Assert.Contains("forward", error.Message, StringComparison.Ordinal);
        Assert.Contains("approve、reject", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_flow_is_a_way_out_for_every_outcome()
    {
        AssertValid(Decided(Outcomes("approve", "return", "reject"),
            Flow("toA", "A", "${outcome == 'approve'}") + Flow("toB", "B", null)).Replace("""<bpmn:exclusiveGateway id="G" />""", """<bpmn:exclusiveGateway id="G" default="toB" />""", StringComparison.Ordinal));
    }

    [Fact]
    public void A_condition_reading_an_outcome_the_task_does_not_declare_is_refused()
    {
        var error = AssertError(Decided(Outcomes("approve", "reject"),
            Flow("toA", "A", "${outcome == 'approve'}") + Flow("toB", "B", "${outcome == 'refuse'}")), "BPMN_OUTCOME_UNDECLARED", "toB");
        Assert.Contains("refuse", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_outcomes_with_nothing_after_the_task_that_reads_them_are_refused()
    {
        var xml = Around($"""<bpmn:userTask id="Node"><bpmn:extensionElements><camunda:formData>{Outcomes("approve", "reject")}</camunda:formData></bpmn:extensionElements></bpmn:userTask>""");
        var error = AssertError(xml, "BPMN_OUTCOME_NOT_ROUTED", "Node");
        Assert.Contains("结论reject", error.Message, StringComparison.Ordinal);
        AssertValid(Around($"""<bpmn:userTask id="Node"><bpmn:extensionElements><camunda:formData>{Outcomes("submit")}</camunda:formData></bpmn:extensionElements></bpmn:userTask>"""));
    }

    [Fact]
    public void A_protected_variable_may_be_shown_read_only_but_never_be_a_writable_field()
    {
        const string process = """<bpmn:extensionElements><camunda:properties><camunda:property name="protectedVariables" value="associationId,creditCode" /></camunda:properties></bpmn:extensionElements>""";
        var flows = Flow("toA", "A", "${outcome == 'approve'}") + Flow("toB", "B", "${outcome == 'reject'}");
        AssertError(Decided(Outcomes("approve", "reject"), flows, """<camunda:formField id="creditCode" type="string" />""", process), "BPMN_FORM_FIELD_PROTECTED", "Review");
        AssertValid(Decided(Outcomes("approve", "reject"), flows,
            """<camunda:formField id="creditCode" type="string"><camunda:validation><camunda:constraint name="readonly" /></camunda:validation></camunda:formField>""", process));
    }

    [Fact]
    public void The_platform_refuses_a_user_task_without_a_form_when_it_asks_for_forms()
    {
        var xml = Around("""<bpmn:userTask id="Node" camunda:assignee="u" />""");
        AssertValid(xml);
        var errors = BpmnParser.Validate(xml, new ParseOptions { RequireUserTaskForms = true });
        Assert.Contains(errors, e => e.Code == "BPMN_USER_TASK_NO_FORM" && e.ElementId == "Node");
    }

    [Fact]
    public void Only_complete_delegate_expression_listeners_are_ours_and_a_java_class_listener_is_left_alone()
    {
        var ours = BpmnParser.Parse(Around("""<bpmn:userTask id="Node"><bpmn:extensionElements><camunda:taskListener event="complete" delegateExpression="${checklistSealed}" /><camunda:taskListener event="create" class="org.example.Audit" /></bpmn:extensionElements></bpmn:userTask>"""));
        Assert.Equal("checklistSealed", Assert.Single(ours.Processes[0].GetNode("Node").TaskListeners).Name);
        AssertError(Around("""<bpmn:userTask id="Node"><bpmn:extensionElements><camunda:taskListener event="assignment" delegateExpression="${x}" /></bpmn:extensionElements></bpmn:userTask>"""),
            "BPMN_TASK_LISTENER_UNSUPPORTED", "Node");
    }
}
