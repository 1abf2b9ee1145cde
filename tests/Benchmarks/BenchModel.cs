using System.Text.Json.Nodes;
using Decoupling.Engine.Services;

namespace Decoupling.Benchmarks;

/// <summary>The model every engine runs in the comparison: start → service task → user task → end.</summary>
internal static class BenchModel
{
    public const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="bench-definitions" targetNamespace="bench">
          <bpmn:process id="bench" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="service" />
            <bpmn:serviceTask id="service" camunda:type="external" camunda:topic="bench" />
            <bpmn:sequenceFlow id="f2" sourceRef="service" targetRef="approve" />
            <bpmn:userTask id="approve" camunda:assignee="reviewer" />
            <bpmn:sequenceFlow id="f3" sourceRef="approve" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>Does nothing but return a variable, like bpmn-engine's service stub in bench.mjs.</summary>
    public sealed class NoopHandler : IServiceTaskHandler
    {
        public string Topic => "bench";

        public Task<JsonObject?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken) =>
            Task.FromResult<JsonObject?>(new JsonObject { ["done"] = true });
    }
}
