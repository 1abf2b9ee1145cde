using System.Text;

namespace Decoupling.TestSupport;

/// <summary>
/// The inline review models of the API and cluster tests, written as the platform requires a real definition to be: the process
/// says what its cases are about (an association, whose facts the platform reads from the register and protects) and
/// who may start them; each review step declares its form — the case facts it shows read-only and its one outcome
/// 同意, whose comment becomes the step's opinion. A step with one outcome routes nothing, so no gateway follows it.
/// </summary>
public static class ReviewModel
{
    /// <summary>The case facts the platform sets at start (app/Cases/CaseStarter.cs) and nobody may write.</summary>
    public const string CaseFacts = "associationId,associationName,creditCode,supervisoryUnitCode,supervisoryUnitName";

    /// <param name="key">the process id</param>
    /// <param name="name">the process name the pages show</param>
    /// <param name="starters">camunda:candidateStarterGroups, e.g. "role:LeadingGroup,role:SupervisoryUnit"</param>
    /// <param name="steps">the review steps in order: element id, name, candidate group</param>
    public static string Sequential(string key, string name, string starters, params (string Id, string Name, string Group)[] steps)
    {
        var body = new StringBuilder();
        var previous = "start";
        foreach (var (id, stepName, group) in steps)
        {
            body.Append($"""
                    <bpmn:sequenceFlow id="to-{id}" sourceRef="{previous}" targetRef="{id}" />
                    <bpmn:userTask id="{id}" name="{stepName}" camunda:candidateGroups="{group}">{Form(id)}</bpmn:userTask>

                """);
            previous = id;
        }

        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="t">
              <bpmn:process id="{key}" name="{name}" isExecutable="true" camunda:candidateStarterGroups="{starters}">
                <bpmn:extensionElements><camunda:properties><camunda:property name="caseSubject" value="association" /><camunda:property name="protectedVariables" value="{CaseFacts}" /></camunda:properties></bpmn:extensionElements>
                <bpmn:startEvent id="start" />
            {body}    <bpmn:sequenceFlow id="to-end" sourceRef="{previous}" targetRef="end" />
                <bpmn:endEvent id="end" />
              </bpmn:process>
            </bpmn:definitions>
            """;
    }

    /// <summary>The form of one review step: the association read-only, the outcome 同意 with the comment as the step's opinion.</summary>
    public static string Form(string stepId) => $"""<bpmn:extensionElements><camunda:formData><camunda:formField id="associationName" label="协会商会" type="string"><camunda:validation><camunda:constraint name="readonly" /></camunda:validation></camunda:formField><camunda:formField id="outcome" label="办理结论" type="enum"><camunda:properties><camunda:property id="commentVariable" value="{stepId}Opinion" /></camunda:properties><camunda:validation><camunda:constraint name="required" /></camunda:validation><camunda:value id="approve" name="同意" /></camunda:formField></camunda:formData></bpmn:extensionElements>""";
}
