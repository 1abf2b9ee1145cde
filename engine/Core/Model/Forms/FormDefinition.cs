namespace Decoupling.Engine.Model.Forms;

/// <summary>
/// The contract of a user task or start event (<c>camunda:formData</c>): which variables people may write, of what type,
/// under which constraints, and the outcome. The outcome is the enum field with id <see cref="OutcomeFieldId"/>; its
/// property <c>commentRequired</c> lists the outcomes that need a comment ("*" for all), <c>commentVariable</c> names
/// the variable that receives the comment (the reviewer's opinion that documents quote) and <c>completerVariable</c>
/// the one that receives who decided.
/// </summary>
public sealed class FormDefinition
{
    public const string OutcomeFieldId = "outcome";
    public const string CommentRequiredProperty = "commentRequired";
    public const string CommentVariableProperty = "commentVariable";
    public const string CompleterVariableProperty = "completerVariable";

    public List<FormField> Fields { get; } = [];

    public FormField? Outcome => Fields.FirstOrDefault(f => f.Id == OutcomeFieldId && f.Type == FormFieldType.Enum);

    public FormField? Find(string id) => Fields.FirstOrDefault(f => f.Id == id);

    /// <summary>Does completing with this outcome need a comment?</summary>
    public bool CommentRequiredFor(string? outcome)
    {
        var list = Outcome?.Properties.GetValueOrDefault(CommentRequiredProperty);
        if (string.IsNullOrWhiteSpace(list))
        {
            return false;
        }

        return list.Trim() is "*" or "true"
            || list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(outcome, StringComparer.Ordinal);
    }

    public string? CommentVariable => Outcome?.Properties.GetValueOrDefault(CommentVariableProperty) is { Length: > 0 } name ? name : null;

    /// <summary>The variable that receives who completed the task (a document names its reviewer), from the outcome's <c>completerVariable</c>.</summary>
    public string? CompleterVariable => Outcome?.Properties.GetValueOrDefault(CompleterVariableProperty) is { Length: > 0 } name ? name : null;
}
