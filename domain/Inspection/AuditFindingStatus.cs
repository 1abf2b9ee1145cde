namespace Decoupling.Domain.Inspection;

/// <summary>Where an audit spot-check stands: nothing found, or a finding under rectification until it is closed.</summary>
public enum AuditFindingStatus
{
    Clean,
    Rectifying,
    Closed,
}
