using System.Text.Json.Nodes;
using Decoupling.Activities.Descriptors;

namespace Decoupling.Activities.Templates;

/// <summary>
/// Turns activity descriptors into Camunda 7 element templates (the JSON bpmn-js-element-templates reads): a service
/// task whose Hidden properties set <c>camunda:type="external"</c> and <c>camunda:topic</c>, whose visible properties are
/// <c>camunda:inputParameter</c>s with notEmpty/pattern constraints, and whose outputs are <c>camunda:outputParameter</c>s.
/// </summary>
public static class ElementTemplates
{
    public const string Schema = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";

    /// <summary>Template ids are the topic under this prefix, so they do not clash with other template sets.</summary>
    public const string IdPrefix = "decoupling.";

    public static JsonArray ToJson(IEnumerable<ActivityDescriptor> descriptors) =>
        new([.. descriptors.OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => (JsonNode)ToJson(d))]);

    public static JsonObject ToJson(ActivityDescriptor descriptor)
    {
        var properties = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "Hidden",
                ["value"] = "external",
                ["binding"] = new JsonObject { ["type"] = "property", ["name"] = "camunda:type" },
            },
            new JsonObject
            {
                ["type"] = "Hidden",
                ["value"] = descriptor.Id,
                ["binding"] = new JsonObject { ["type"] = "property", ["name"] = "camunda:topic" },
            },
        };

        foreach (var input in descriptor.Inputs)
        {
            properties.Add(Input(input));
        }

        foreach (var output in descriptor.Outputs)
        {
            properties.Add(new JsonObject
            {
                ["label"] = $"{output.Label}（输出变量）",
                ["description"] = output.Description ?? $"把结果 {output.Name} 存入的流程变量名",
                ["type"] = "String",
                ["value"] = output.Name,
                ["binding"] = new JsonObject { ["type"] = "camunda:outputParameter", ["source"] = "${" + output.Name + "}" },
            });
        }

        return new JsonObject
        {
            ["$schema"] = Schema,
            ["name"] = descriptor.Label,
            ["id"] = IdPrefix + descriptor.Id,
            ["version"] = descriptor.Version,
            ["description"] = descriptor.Description,
            ["category"] = new JsonObject
            {
                ["id"] = descriptor.Category,
                ["name"] = ActivityCategories.Names.GetValueOrDefault(descriptor.Category, descriptor.Category),
            },
            ["appliesTo"] = new JsonArray("bpmn:ServiceTask"),
            ["properties"] = properties,
        };
    }

    private static JsonObject Input(ActivityInput input)
    {
        // Camunda 7 templates allow Boolean only for properties, not input parameters: a yes/no dropdown writes "true"/"false"
        var property = new JsonObject
        {
            ["label"] = input.Label,
            ["type"] = input.Type == InputType.Boolean ? nameof(InputType.Dropdown) : input.Type.ToString(),
        };
        if (input.Description is not null)
        {
            property["description"] = input.Description;
        }

        if (input.Type == InputType.Boolean)
        {
            property["value"] = string.Equals(input.DefaultValue, "true", StringComparison.OrdinalIgnoreCase) ? "true" : "false";
            property["choices"] = new JsonArray(new JsonObject { ["name"] = "是", ["value"] = "true" }, new JsonObject { ["name"] = "否", ["value"] = "false" });
        }
        else if (input.DefaultValue is not null)
        {
            property["value"] = input.DefaultValue;
        }
        else if (input.Type == InputType.Dropdown && input.Choices.Count > 0)
        {
            property["value"] = input.Choices[0].Value;
        }

        if (input.Type == InputType.Dropdown)
        {
            property["choices"] = new JsonArray([.. input.Choices.Select(c => (JsonNode)new JsonObject { ["name"] = c.Label, ["value"] = c.Value })]);
        }

        property["binding"] = new JsonObject { ["type"] = "camunda:inputParameter", ["name"] = input.Name };
        var constraints = new JsonObject();
        if (input.Required && input.Type != InputType.Boolean)
        {
            constraints["notEmpty"] = true;
        }

        if (input.Pattern is not null)
        {
            constraints["pattern"] = new JsonObject
            {
                // an expression is always allowed: the value is then known only at run time
                ["value"] = $"^(\\$\\{{.*\\}}|{input.Pattern.TrimStart('^').TrimEnd('$')})$",
                ["message"] = input.PatternMessage ?? $"“{input.Label}”格式不正确",
            };
        }

        if (constraints.Count > 0)
        {
            property["constraints"] = constraints;
        }

        return property;
    }
}
