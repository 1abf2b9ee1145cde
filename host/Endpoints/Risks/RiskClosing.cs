namespace Decoupling.Host.Endpoints.Risks;

/// <summary>How a risk was dealt with, recorded when it is closed.</summary>
public sealed record RiskClosing(string? Note);
