namespace Decoupling.Domain.Publications;

/// <summary>What the leading-group office publishes to associations (R25 舆论引导、政策解读).</summary>
public enum PublicationKind
{
    /// <summary>通知</summary>
    Notice,

    /// <summary>政策解读</summary>
    PolicyInterpretation,
}
