namespace Decoupling.Application.Supervision;

/// <summary>What one overdue scan did: reminders sent (before and after the due day), items opened for 督办, items closed.</summary>
public sealed record OverdueScanResult(int Reminded, int Supervised, int Closed);
