namespace Decoupling.Domain.Seals;

/// <summary>The offline check of every seal in a file: intact only when there is at least one seal and every seal holds.</summary>
public sealed record SealReport(string FileName, string ContentDigest, IReadOnlyList<SealReportLine> Seals, string? Problem)
{
    public bool IsIntact => Problem is null && Seals.Count > 0 && Seals.All(s => s.Valid);
}
