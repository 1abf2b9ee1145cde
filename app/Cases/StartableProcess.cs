namespace Decoupling.Application.Cases;

/// <summary>
/// A process someone may start: its key, its name as the latest definition gives it, and what its cases are about
/// (<see cref="CaseSubjects"/>), so a page knows which subject to ask for.
/// </summary>
public sealed record StartableProcess(string Key, string Name, string? Subject);
