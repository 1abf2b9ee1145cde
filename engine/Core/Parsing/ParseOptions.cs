namespace Decoupling.Engine.Parsing;

/// <summary>Rules a deployment may add on top of BPMN's own (the platform requires every user task to declare its form).</summary>
public sealed record ParseOptions
{
    public static ParseOptions Default { get; } = new();

    /// <summary>Refuse a user task without camunda:formData: people would be free to write any variable there.</summary>
    public bool RequireUserTaskForms { get; init; }
}
