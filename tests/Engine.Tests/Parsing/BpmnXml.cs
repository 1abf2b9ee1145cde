using Decoupling.Engine.Model;
using Decoupling.Engine.Parsing;

namespace Decoupling.Engine.Tests.Parsing;

/// <summary>bpmn-js-style documents for parser tests: the header bpmn-js writes and a DI section the parser must ignore.</summary>
internal static class BpmnXml
{
    public const string Header =
        """<?xml version="1.0" encoding="UTF-8"?>""" + "\n" +
        """<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" exporter="bpmn-js (https://demo.bpmn.io)" exporterVersion="18.1.1">""";

    /// <summary>A document with one executable process Process_1 holding <paramref name="body"/>, plus root elements and DI.</summary>
    public static string Process(string body, string rootElements = "", string processAttributes = """isExecutable="true" """) =>
        $"""
        {Header}
          <bpmn:process id="Process_1" name="测试" {processAttributes}>
        {body}
          </bpmn:process>
        {rootElements}
          <bpmndi:BPMNDiagram id="BPMNDiagram_1">
            <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_1">
              <bpmndi:BPMNShape id="Start_di" bpmnElement="Start">
                <dc:Bounds x="152" y="102" width="36" height="36" />
              </bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="Flow_In_di" bpmnElement="Flow_In">
                <di:waypoint x="188" y="120" />
                <di:waypoint x="240" y="120" />
              </bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;

    /// <summary>Start -> Flow_In -> <paramref name="node"/> (id Node) -> Flow_Out -> End; <paramref name="extra"/> is added to the process.</summary>
    public static string Around(string node, string extra = "", string rootElements = "") => Process(
        $"""
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="Flow_In" sourceRef="Start" targetRef="Node" />
            {node}
            <bpmn:sequenceFlow id="Flow_Out" sourceRef="Node" targetRef="End" />
            <bpmn:endEvent id="End" />
            {extra}
        """,
        rootElements);

    public static string ReadModel(string fileName) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Models", "Parsing", fileName));

    /// <summary>Asserts that validation reports <paramref name="code"/> on <paramref name="elementId"/> and returns that error.</summary>
    public static ValidationError AssertError(string xml, string code, string? elementId)
    {
        var errors = BpmnParser.Validate(xml);
        var match = errors.FirstOrDefault(e => e.Code == code && e.ElementId == elementId);
        Assert.True(match is not null, $"expected {code} on {elementId ?? "(document)"}, got: {string.Join(" | ", errors)}");
        Assert.DoesNotContain(code, match!.Message, StringComparison.Ordinal);
        return match;
    }

    public static void AssertValid(string xml)
    {
        var errors = BpmnParser.Validate(xml);
        Assert.True(errors.Count == 0, "expected no errors, got: " + string.Join(" | ", errors));
    }
}
