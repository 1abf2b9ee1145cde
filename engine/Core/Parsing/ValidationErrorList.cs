using Decoupling.Engine.Model;
using Decoupling.Engine.Resources;

namespace Decoupling.Engine.Parsing;

/// <summary>Collects validation errors, each message taken from ParserMessages.resx by its code.</summary>
internal sealed class ValidationErrorList
{
    private readonly List<ValidationError> errors = [];

    public IReadOnlyList<ValidationError> Items => errors;

    public int Count => errors.Count;

    /// <summary>Adds an error; the element id is passed as the first message argument ({0}) as well.</summary>
    public void Add(string? elementId, string code, params object?[] args)
    {
        errors.Add(new ValidationError(elementId, code, EngineText.Get(code, [elementId, .. args])));
    }

    /// <summary>Adds an error about the document as a whole (no element id); arguments start at {0}.</summary>
    public void AddDocument(string code, params object?[] args)
    {
        errors.Add(new ValidationError(null, code, EngineText.Get(code, args)));
    }
}
