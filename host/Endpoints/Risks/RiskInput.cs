namespace Decoupling.Host.Endpoints.Risks;

/// <summary>A risk to record: what may happen, the planned response, and its level (一般, 较大, 重大).</summary>
public sealed record RiskInput(string? Risk, string? Response, string? Level);
