namespace Decoupling.Activities.Descriptors;

/// <summary>One choice of a dropdown input: the Chinese label shown and the value stored.</summary>
public sealed record InputChoice(string Value, string Label);
