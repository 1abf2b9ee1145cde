using System.Xml.Linq;

namespace Decoupling.Engine.Parsing;

/// <summary>The XML namespaces the parser reads; bpmndi, dc and di are left in the XML untouched.</summary>
internal static class BpmnNames
{
    public static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";
}
