using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Decoupling.Activities;
using Decoupling.Activities.Descriptors;
using Decoupling.Activities.Templates;
using Decoupling.Engine.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Workflows.Tests.Activities;

/// <summary>The descriptors become Camunda 7 element templates of the shape bpmn-js-element-templates reads.</summary>
public sealed class ElementTemplatesTests
{
    private static readonly string[] PropertyTypes = ["String", "Text", "Boolean", "Dropdown", "Hidden"];
    private static readonly string[] BindingTypes = ["property", "camunda:property", "camunda:inputParameter", "camunda:outputParameter", "camunda:in", "camunda:out"];

    private static ServiceProvider Provider() => new ServiceCollection().AddDecouplingActivities().BuildServiceProvider();

    [Fact]
    public void Every_handler_is_registered_once_per_topic_with_its_descriptor()
    {
        using var provider = Provider();
        var handlers = provider.GetServices<IServiceTaskHandler>().ToList();
        var descriptors = provider.GetServices<ActivityDescriptor>().ToList();
        Assert.Equal(ServiceCollectionExtensions.HandlerTypes.Length, handlers.Count);
        Assert.Equal(handlers.Count, handlers.Select(h => h.Topic).Distinct().Count());
        Assert.Equal(handlers.Select(h => h.Topic).Order(), descriptors.Select(d => d.Id).Order());
        _ = new HandlerDispatcher(handlers);
    }

    [Fact]
    public void Every_topic_used_by_the_flows_has_a_handler()
    {
        using var provider = Provider();
        var topics = provider.GetServices<IServiceTaskHandler>().Select(h => h.Topic).ToHashSet();
        XNamespace camunda = "http://camunda.org/schema/1.0/bpmn";
        foreach (var flow in RepositoryFiles.FlowKeys)
        {
            foreach (var topic in XDocument.Parse(RepositoryFiles.ReadFlow(flow)).Descendants().Select(e => (string?)e.Attribute(camunda + "topic")).OfType<string>())
            {
                Assert.True(topics.Contains(topic), $"{flow}: topic {topic} has no handler");
            }
        }
    }

    [Fact]
    public void The_templates_have_the_shape_bpmn_js_element_templates_expects()
    {
        using var provider = Provider();
        var templates = ElementTemplates.ToJson(provider.GetServices<ActivityDescriptor>());
        Assert.Equal(ServiceCollectionExtensions.HandlerTypes.Length, templates.Count);
        Assert.Equal(templates.Count, templates.Select(t => t!["id"]!.GetValue<string>()).Distinct().Count());
        foreach (var template in templates.Cast<JsonObject>())
        {
            var id = template["id"]!.GetValue<string>();
            Assert.Equal(ElementTemplates.Schema, template["$schema"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(template["name"]!.GetValue<string>()));
            Assert.True(template["version"]!.GetValue<int>() >= 1);
            Assert.Equal(["bpmn:ServiceTask"], template["appliesTo"]!.AsArray().Select(a => a!.GetValue<string>()));
            Assert.NotNull(template["category"]!["id"]);
            var properties = template["properties"]!.AsArray().Cast<JsonObject>().ToList();
            Assert.Contains(properties, p => p["type"]!.GetValue<string>() == "Hidden" && p["binding"]!["name"]!.GetValue<string>() == "camunda:type" && p["value"]!.GetValue<string>() == "external");
            var topic = Assert.Single(properties, p => p["binding"]!["name"]?.GetValue<string>() == "camunda:topic");
            Assert.Equal(id[ElementTemplates.IdPrefix.Length..], topic["value"]!.GetValue<string>());
            foreach (var property in properties)
            {
                var type = property["type"]!.GetValue<string>();
                Assert.Contains(type, PropertyTypes);
                var binding = property["binding"]!.AsObject();
                Assert.Contains(binding["type"]!.GetValue<string>(), BindingTypes);
                switch (binding["type"]!.GetValue<string>())
                {
                    case "camunda:outputParameter":
                        Assert.StartsWith("${", binding["source"]!.GetValue<string>());
                        break;
                    default:
                        Assert.False(string.IsNullOrWhiteSpace(binding["name"]!.GetValue<string>()));
                        break;
                }

                if (type == "Hidden")
                {
                    Assert.NotNull(property["value"]);
                }
                else
                {
                    Assert.False(string.IsNullOrWhiteSpace(property["label"]!.GetValue<string>()), $"{id}: a visible property needs a label");
                }

                if (type == "Dropdown")
                {
                    Assert.All(property["choices"]!.AsArray(), c => Assert.True(c!["name"] is not null && c["value"] is not null));
                }

                if (property["constraints"] is JsonObject constraints)
                {
                    Assert.All(constraints, c => Assert.Contains(c.Key, new[] { "notEmpty", "pattern", "minLength", "maxLength" }));
                    if (constraints["pattern"] is JsonObject pattern)
                    {
                        var regex = new Regex(pattern["value"]!.GetValue<string>());
                        Assert.Matches(regex, "${anything}");
                        Assert.False(string.IsNullOrWhiteSpace(pattern["message"]!.GetValue<string>()));
                    }
                }
            }
        }
    }

    [Fact]
    public void Input_parameters_use_only_the_property_types_camunda_7_templates_allow_for_them()
    {
        // the validator bpmn-js-element-templates runs refuses a whole template with e.g. a Boolean input parameter
        using var provider = Provider();
        foreach (var property in ElementTemplates.ToJson(provider.GetServices<ActivityDescriptor>()).SelectMany(t => t!["properties"]!.AsArray()))
        {
            if (property!["binding"]!["type"]!.GetValue<string>() is "camunda:inputParameter" or "camunda:outputParameter")
            {
                Assert.Contains(property["type"]!.GetValue<string>(), new[] { "String", "Text", "Hidden", "Dropdown" });
            }
        }
    }

    [Fact]
    public void A_pattern_accepts_a_good_value_and_refuses_a_bad_one()
    {
        using var provider = Provider();
        var number = ElementTemplates.ToJson(provider.GetServices<ActivityDescriptor>().Single(d => d.Id == "review.issue-number"));
        var department = number["properties"]!.AsArray().Single(p => p!["binding"]!["name"]?.GetValue<string>() == "departmentCode")!;
        var regex = new Regex(department["constraints"]!["pattern"]!["value"]!.GetValue<string>());
        Assert.Matches(regex, "bb");
        Assert.DoesNotMatch(regex, "区编办");
        Assert.True(department["constraints"]!["notEmpty"]!.GetValue<bool>());
    }
}
