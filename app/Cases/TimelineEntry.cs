namespace Decoupling.Application.Cases;

/// <summary>One line of a case's history as people read it: what happened, at which step, by whom (a name), with which outcome and comment.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string? ElementId, string? StepName, string ActorName, string? OutcomeName, bool Negative, string? Comment);
