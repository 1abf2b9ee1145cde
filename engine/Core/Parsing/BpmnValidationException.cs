using System.Text;
using Decoupling.Engine.Model;
using Decoupling.Engine.Resources;

namespace Decoupling.Engine.Parsing;

/// <summary>A BPMN document was refused: malformed or unsafe XML, or one or more validation rules failed.</summary>
public sealed class BpmnValidationException : Exception
{
    public BpmnValidationException(string resourceName, IReadOnlyList<ValidationError> errors)
        : base(BuildMessage(resourceName, errors))
    {
        ResourceName = resourceName;
        Errors = errors;
    }

    /// <summary>The file name given to <see cref="BpmnParser.Parse"/>.</summary>
    public string ResourceName { get; }

    /// <summary>Every problem found, in document order, each with its element id and stable code.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string BuildMessage(string resourceName, IReadOnlyList<ValidationError> errors)
    {
        var text = new StringBuilder(EngineText.Get("BPMN_VALIDATION_FAILED", resourceName, errors.Count));
        foreach (var error in errors)
        {
            text.AppendLine().Append(error);
        }

        return text.ToString();
    }
}
