namespace Decoupling.Engine.Tests.Durability;

/// <summary>Small models the durability tests share.</summary>
internal static class DurabilityModels
{
    public const string ReviewWithReminder = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="review" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
            <bpmn:userTask id="check" name="部门审核" camunda:candidateGroups="dept:czj" />
            <bpmn:boundaryEvent id="remind" attachedToRef="check" cancelActivity="false">
              <bpmn:timerEventDefinition><bpmn:timeCycle>R2/P1D</bpmn:timeCycle></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f4" sourceRef="remind" targetRef="reminded" />
            <bpmn:endEvent id="reminded" />
            <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="confirm" />
            <bpmn:userTask id="confirm" name="确认" camunda:assignee="${starter}" />
            <bpmn:sequenceFlow id="f3" sourceRef="confirm" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>A parent that calls one child per department; each child is one review task.</summary>
    public const string ParallelChildren = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d2" targetNamespace="t">
          <bpmn:process id="parent" isExecutable="true">
            <bpmn:startEvent id="ps" />
            <bpmn:sequenceFlow id="p1" sourceRef="ps" targetRef="reviews" />
            <bpmn:callActivity id="reviews" calledElement="child">
              <bpmn:extensionElements><camunda:in source="dept" target="dept" /></bpmn:extensionElements>
              <bpmn:multiInstanceLoopCharacteristics camunda:collection="${departments}" camunda:elementVariable="dept" />
            </bpmn:callActivity>
            <bpmn:sequenceFlow id="p2" sourceRef="reviews" targetRef="after" />
            <bpmn:userTask id="after" camunda:assignee="starter" />
            <bpmn:sequenceFlow id="p3" sourceRef="after" targetRef="pe" />
            <bpmn:endEvent id="pe" />
          </bpmn:process>
          <bpmn:process id="child" isExecutable="true">
            <bpmn:startEvent id="cs" />
            <bpmn:sequenceFlow id="c1" sourceRef="cs" targetRef="review" />
            <bpmn:userTask id="review" camunda:candidateGroups="dept:${dept}" />
            <bpmn:sequenceFlow id="c2" sourceRef="review" targetRef="ce" />
            <bpmn:endEvent id="ce" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
