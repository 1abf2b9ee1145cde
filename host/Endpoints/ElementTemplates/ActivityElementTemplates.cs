using System.Text.Json.Nodes;
using Decoupling.Activities.Descriptors;

namespace Decoupling.Host.Endpoints.ElementTemplates;

/// <summary>The element templates of the registered custom activities, built from their self-descriptions.</summary>
public sealed class ActivityElementTemplates(IEnumerable<ActivityDescriptor> descriptors) : IElementTemplateCatalog
{
    public JsonArray Templates() => Decoupling.Activities.Templates.ElementTemplates.ToJson(descriptors);
}
