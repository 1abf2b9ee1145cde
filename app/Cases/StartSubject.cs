namespace Decoupling.Application.Cases;

/// <summary>One subject a case may be started for: the business key (an association's id, a unit's code) and its name.</summary>
public sealed record StartSubject(string Key, string Name);
