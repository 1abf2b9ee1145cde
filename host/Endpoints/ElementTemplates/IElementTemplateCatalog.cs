using System.Text.Json.Nodes;

namespace Decoupling.Host.Endpoints.ElementTemplates;

/// <summary>The Camunda 7 element templates of the custom activities, as the designer loads them.</summary>
public interface IElementTemplateCatalog
{
    JsonArray Templates();
}
