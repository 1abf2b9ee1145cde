using Decoupling.Domain.Audit;
using Decoupling.Domain.Common;
using Decoupling.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Numbering;

/// <summary>
/// Issues review document numbers per department and year: prefix + 〔year〕 + sequence + 号 (罗编审〔2026〕12号).
/// Gap-free and unique under concurrency: the counter row is incremented by one atomic upsert that holds its row lock
/// until the surrounding transaction ends, and the issued number is written in the same transaction, so a rolled-back
/// caller gives its sequence back. Issued once per idempotency key.
/// </summary>
public sealed class DocumentNumberService(PlatformDbContext db, TimeProvider time)
{
    public static string Format(string prefix, int year, int sequence) =>
        $"{prefix}〔{year.ToString(System.Globalization.CultureInfo.InvariantCulture)}〕{sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)}号";

    /// <summary>
    /// The number for <paramref name="idempotencyKey"/>: the one already issued, or the department's next one for
    /// <paramref name="year"/>. Runs in the context's current transaction when there is one, else in its own.
    /// </summary>
    public async Task<IssuedDocumentNumber> IssueAsync(string departmentCode, int year, string idempotencyKey, string? subject = null,
        Guid? associationId = null, CancellationToken cancellationToken = default)
    {
        var existing = await db.Set<IssuedDocumentNumber>().AsNoTracking()
            .FirstOrDefaultAsync(n => n.IdempotencyKey == idempotencyKey, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Code == departmentCode, cancellationToken)
            ?? throw new DomainException(DomainErrorCodes.NotFound, "部门", departmentCode);
        if (string.IsNullOrWhiteSpace(department.DocumentNumberPrefix))
        {
            throw new DomainException(DomainErrorCodes.DocumentNumberPrefixMissing, department.Name);
        }

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var sequence = await NextSequenceAsync(departmentCode, year, cancellationToken);
            var issued = new IssuedDocumentNumber
            {
                DepartmentCode = departmentCode,
                Year = year,
                Sequence = sequence,
                Number = Format(department.DocumentNumberPrefix, year, sequence),
                IdempotencyKey = idempotencyKey,
                Subject = subject,
                AssociationId = associationId,
                IssuedAt = Clock.Now(time),
            };
            db.Add(issued);
            await db.SaveChangesAsync(cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return issued;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Increments the counter <paramref name="counterKey"/>/<paramref name="year"/> and returns the new value. One statement on
    /// both providers (PostgreSQL and SQLite 3.35+ know ON CONFLICT ... RETURNING); the row stays locked until the caller's
    /// transaction ends, so concurrent callers queue and every value is used once.
    /// </summary>
    public async Task<int> NextSequenceAsync(string counterKey, int year, CancellationToken cancellationToken = default)
    {
        // the caller will save (and so lock the audit chain) in this transaction: locking the chain before the counter
        // keeps one lock order for every writer, where counter-then-chain against chain-then-counter could deadlock
        await AuditChainLock.AcquireAsync(db.Database, cancellationToken);
        return (await db.Database.SqlQuery<int>($"""
            INSERT INTO "DocumentNumberCounters" ("DepartmentCode", "Year", "LastSequence") VALUES ({counterKey}, {year}, 1)
            ON CONFLICT ("DepartmentCode", "Year") DO UPDATE SET "LastSequence" = "DocumentNumberCounters"."LastSequence" + 1
            RETURNING "LastSequence" AS "Value"
            """).ToListAsync(cancellationToken)).Single();
    }
}
