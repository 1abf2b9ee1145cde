namespace Decoupling.Host.Jobs;

/// <summary>What one overdue scan did (shown in the Hangfire dashboard as the job's result).</summary>
public sealed record OverdueScanResult(int Reminded, int Escalated);
