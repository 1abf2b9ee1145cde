namespace Decoupling.Domain.Excel;

/// <summary>What an import found and did. Nothing is written unless <see cref="IsValid"/> and not <see cref="DryRun"/>.</summary>
public sealed record ImportReport(bool DryRun, int RowsRead, int Imported, IReadOnlyList<ImportIssue> Issues)
{
    public bool IsValid => Issues.Count == 0;
}
