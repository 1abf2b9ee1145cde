using Decoupling.Domain.Persistence;
using Decoupling.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Audit;

/// <summary>
/// Reads and verifies the audit chain and records events that are not entity changes (exports, downloads, logins).
/// Entity changes are written by <see cref="AuditInterceptor"/> on every SaveChanges, never by hand.
/// </summary>
public sealed class AuditLog(PlatformDbContext db)
{
    /// <summary>Queues an event row; it is chained and written with the next SaveChanges.</summary>
    public void Record(string action, string entityType, string entityId, string details = "{}") =>
        db.AuditEntries.Add(new AuditEntry { Action = action, EntityType = entityType, EntityId = entityId, Details = details });

    public async Task RecordAsync(string action, string entityType, string entityId, string details = "{}",
        CancellationToken cancellationToken = default)
    {
        Record(action, entityType, entityId, details);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<List<AuditEntry>> PageAsync(long afterSequence, int take, CancellationToken cancellationToken = default) =>
        db.AuditEntries.AsNoTracking().Where(e => e.Sequence > afterSequence).OrderBy(e => e.Sequence).Take(take)
            .ToListAsync(cancellationToken);

    /// <summary>The newest rows (before a sequence number, for paging back), newest first.</summary>
    public Task<List<AuditEntry>> LatestAsync(long? beforeSequence, int take, CancellationToken cancellationToken = default) =>
        db.AuditEntries.AsNoTracking().Where(e => beforeSequence == null || e.Sequence < beforeSequence)
            .OrderByDescending(e => e.Sequence).Take(take).ToListAsync(cancellationToken);

    /// <summary>
    /// Walks the chain from the first row: a missing sequence number is a deleted row, a hash that does not match the
    /// row's content (or the previous row's hash) is an altered row. Reports the first broken sequence number.
    /// </summary>
    public async Task<AuditChainReport> VerifyChainAsync(CancellationToken cancellationToken = default)
    {
        long expected = 1;
        var previousHash = "";
        long rows = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable()
                           .WithCancellation(cancellationToken))
        {
            rows++;
            if (entry.Sequence != expected)
            {
                return Broken(expected, DomainErrorCodes.AuditRowMissing, rows, previousHash);
            }

            if (entry.PreviousHash != previousHash || AuditHasher.Compute(entry) != entry.Hash)
            {
                return Broken(entry.Sequence, DomainErrorCodes.AuditRowAltered, rows, previousHash);
            }

            previousHash = entry.Hash;
            expected++;
        }

        return new AuditChainReport(true, null, null, null, rows, expected - 1, previousHash);
    }

    /// <summary>
    /// Writes the whole trail as CSV (UTF-8 with BOM, so Excel reads the Chinese), each row with its algorithm and hash,
    /// after verifying the chain; the export itself is recorded. Values that a spreadsheet would run as formulas are escaped.
    /// </summary>
    public async Task<AuditChainReport> ExportAsync(Stream output, CancellationToken cancellationToken = default)
    {
        var report = await VerifyChainAsync(cancellationToken);
        await using (var writer = new StreamWriter(output, new System.Text.UTF8Encoding(true), leaveOpen: true))
        {
            await writer.WriteLineAsync("序号,时间(UTC),操作人,操作,对象类型,对象,详情,算法,上一条摘要,本条摘要");
            await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                await writer.WriteLineAsync(string.Join(',', new[]
                {
                    e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), e.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                    e.Actor, e.Action, e.EntityType, e.EntityId, e.Details, e.Algorithm, e.PreviousHash, e.Hash,
                }.Select(Csv)));
            }

            await writer.WriteLineAsync(Csv(report.IsIntact ? $"校验通过：共 {report.RowsChecked} 条，链尾序号 {report.LastSequence}，摘要 {report.LastHash}" : $"校验不通过：{report.Message}"));
        }

        await RecordAsync("AuditExported", "AuditLog", report.LastSequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            System.Text.Json.JsonSerializer.Serialize(new { rows = report.RowsChecked, intact = report.IsIntact }), cancellationToken);
        return report;
    }

    private static string Csv(string value)
    {
        var escaped = Excel.FormulaEscaper.Escape(value);
        return "\"" + escaped.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static AuditChainReport Broken(long sequence, string code, long rows, string lastGoodHash) =>
        new(false, sequence, code, DomainText.Get(code, sequence), rows, sequence - 1, lastGoodHash);
}
