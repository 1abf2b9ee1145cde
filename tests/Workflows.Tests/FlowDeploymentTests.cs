using System.Xml.Linq;
using Decoupling.Engine.Parsing;

namespace Decoupling.Workflows.Tests;

/// <summary>Every flow of workflows/ is a valid, deployable model with a complete diagram.</summary>
public sealed class FlowDeploymentTests
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static readonly XNamespace Dc = "http://www.omg.org/spec/DD/20100524/DC";

    public static TheoryData<string> Flows => [.. RepositoryFiles.FlowKeys];

    [Theory]
    [MemberData(nameof(Flows))]
    public void The_flow_parses_and_its_process_id_is_the_file_name(string key)
    {
        var document = BpmnParser.Parse(RepositoryFiles.ReadFlow(key), key + ".bpmn");
        var process = Assert.Single(document.Processes);
        Assert.Equal(key, process.Key);
        Assert.False(string.IsNullOrWhiteSpace(process.Name));
        Assert.Contains(process.Name!, c => c >= '\u4e00' && c <= '\u9fff');
    }

    [Theory]
    [MemberData(nameof(Flows))]
    public void Every_element_is_drawn_and_no_two_shapes_overlap(string key)
    {
        var xml = XDocument.Parse(RepositoryFiles.ReadFlow(key));
        var shapes = xml.Descendants(BpmnDi + "BPMNShape").ToList();
        var edges = xml.Descendants(BpmnDi + "BPMNEdge").ToList();
        var drawn = shapes.Select(s => (string)s.Attribute("bpmnElement")!).Concat(edges.Select(e => (string)e.Attribute("bpmnElement")!)).ToHashSet();
        var elements = xml.Descendants().Where(e => e.Name.Namespace == Bpmn && e.Attribute("id") is not null
            && e.Name.LocalName is not ("process" or "definitions" or "message" or "error" or "multiInstanceLoopCharacteristics"
                or "conditionExpression" or "timerEventDefinition" or "messageEventDefinition" or "errorEventDefinition"));
        Assert.All(elements, e => Assert.Contains((string)e.Attribute("id")!, drawn));
        Assert.All(edges, e => Assert.True(e.Elements().Count(w => w.Name.LocalName == "waypoint") >= 2));

        foreach (var plane in xml.Descendants(BpmnDi + "BPMNPlane"))
        {
            var boxes = plane.Elements(BpmnDi + "BPMNShape")
                .Where(s => !xml.Descendants(Bpmn + "boundaryEvent").Any(b => (string?)b.Attribute("id") == (string?)s.Attribute("bpmnElement")))
                .Select(s => (Id: (string)s.Attribute("bpmnElement")!, Box: s.Element(Dc + "Bounds")!))
                .Select(s => (s.Id, X: (double)s.Box.Attribute("x")!, Y: (double)s.Box.Attribute("y")!, W: (double)s.Box.Attribute("width")!, H: (double)s.Box.Attribute("height")!))
                .ToList();
            for (var i = 0; i < boxes.Count; i++)
            {
                for (var j = i + 1; j < boxes.Count; j++)
                {
                    var (a, b) = (boxes[i], boxes[j]);
                    if (Contains(xml, a.Id, b.Id) || Contains(xml, b.Id, a.Id))
                    {
                        // an expanded subprocess is drawn around its own elements
                        continue;
                    }

                    var overlap = a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H;
                    Assert.False(overlap, $"{key}: {a.Id} overlaps {b.Id}");
                }
            }
        }
    }

    private static bool Contains(XDocument xml, string container, string element) =>
        xml.Descendants(Bpmn + "subProcess").Any(s => (string?)s.Attribute("id") == container
            && s.Descendants().Any(d => (string?)d.Attribute("id") == element));

    [Fact]
    public void The_redesigned_item_review_parses_as_the_same_process_with_a_new_step()
    {
        var v2 = BpmnParser.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Redesign", "item-review-v2.bpmn")), "item-review.bpmn");
        var process = Assert.Single(v2.Processes);
        Assert.Equal("item-review", process.Key);
        Assert.Contains(process.Nodes, n => n.Id == "officeFiling");
    }
}
