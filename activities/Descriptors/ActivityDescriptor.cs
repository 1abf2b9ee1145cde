namespace Decoupling.Activities.Descriptors;

/// <summary>
/// What a custom activity says about itself: its topic (<see cref="Id"/>), Chinese label, category, description, inputs and
/// outputs. The designer gets it as a Camunda 7 element template (<see cref="Templates.ElementTemplates"/>).
/// </summary>
public sealed record ActivityDescriptor(string Id, string Label, string Category, string Description)
{
    public int Version { get; init; } = 1;

    public IReadOnlyList<ActivityInput> Inputs { get; init; } = [];

    public IReadOnlyList<ActivityOutput> Outputs { get; init; } = [];
}
