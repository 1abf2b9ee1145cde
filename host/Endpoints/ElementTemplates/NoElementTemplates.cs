using System.Text.Json.Nodes;

namespace Decoupling.Host.Endpoints.ElementTemplates;

/// <summary>Until activities are registered the designer offers none.</summary>
public sealed class NoElementTemplates : IElementTemplateCatalog
{
    public JsonArray Templates() => [];
}
