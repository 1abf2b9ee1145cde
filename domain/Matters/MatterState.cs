namespace Decoupling.Domain.Matters;

/// <summary>Front desk receives, back office decides, one window delivers (前台受理、后台审批、统一出件).</summary>
public enum MatterState
{
    Received,
    InReview,
    Approved,
    Rejected,
    Delivered,
    Withdrawn,
}
