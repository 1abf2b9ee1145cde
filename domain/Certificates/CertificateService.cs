using System.Globalization;
using Decoupling.Domain.Common;
using Decoupling.Domain.Numbering;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Register;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Certificates;

/// <summary>Issues and renews registration certificates (换证): the current certificate is voided, a new number is issued.</summary>
public sealed class CertificateService(PlatformDbContext db, RegisterService register, DocumentNumberService numbers, TimeProvider time)
{
    public const string CounterKey = "certificate";

    public Task<CertificateRecord?> CurrentAsync(Guid associationId, CancellationToken cancellationToken = default) =>
        db.Set<CertificateRecord>().AsNoTracking().FirstOrDefaultAsync(c => c.AssociationId == associationId && c.VoidedAt == null, cancellationToken);

    public Task<List<CertificateRecord>> HistoryAsync(Guid associationId, CancellationToken cancellationToken = default) =>
        db.Set<CertificateRecord>().AsNoTracking().Where(c => c.AssociationId == associationId).OrderBy(c => c.IssuedAt).ToListAsync(cancellationToken);

    /// <summary>
    /// Voids the current certificate (the number kept on the register counts as one even without a record) and issues a
    /// new one carrying the credit code; the register's CertificateNumber changes with a history row.
    /// </summary>
    public async Task<CertificateRecord> RenewAsync(Guid associationId, string reason, CancellationToken cancellationToken = default)
    {
        var association = await register.GetAsync(associationId, cancellationToken);
        if (string.IsNullOrWhiteSpace(association.CreditCode))
        {
            throw new DomainException(DomainErrorCodes.CertificateMissing, association.Name);
        }

        var now = Clock.Now(time);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var year = now.ToOffset(TimeSpan.FromHours(8)).Year;
            var sequence = await numbers.NextSequenceAsync(CounterKey, year, cancellationToken);
            var renewed = new CertificateRecord
            {
                AssociationId = associationId,
                Number = string.Create(CultureInfo.InvariantCulture, $"罗民社证〔{year}〕第{sequence:D4}号"),
                CreditCode = association.CreditCode,
                IssuedAt = now,
            };
            db.Add(renewed);
            var current = await db.Set<CertificateRecord>().Where(c => c.AssociationId == associationId && c.VoidedAt == null).ToListAsync(cancellationToken);
            if (current.Count == 0 && !string.IsNullOrWhiteSpace(association.CertificateNumber))
            {
                // the certificate held before the platform existed: recorded so its voiding is on file
                var old = new CertificateRecord
                {
                    AssociationId = associationId, Number = association.CertificateNumber, CreditCode = association.CreditCode,
                    IssuedAt = association.CreatedAt,
                };
                db.Add(old);
                current.Add(old);
            }

            foreach (var old in current)
            {
                old.VoidedAt = now;
                old.VoidReason = reason;
                old.ReplacedById = renewed.Id;
            }

            await db.SaveChangesAsync(cancellationToken);
            await register.UpdateAsync(associationId, AssociationFields.From(association) with { CertificateNumber = renewed.Number },
                association.ConcurrencyStamp, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return renewed;
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
    /// Voids the association's certificate (注销): every certificate on file, and the number kept on the register, with
    /// the reason; the register no longer shows a certificate.
    /// </summary>
    public async Task<IReadOnlyList<CertificateRecord>> VoidAsync(Guid associationId, string reason, CancellationToken cancellationToken = default)
    {
        var association = await register.GetAsync(associationId, cancellationToken);
        var now = Clock.Now(time);
        var current = await db.Set<CertificateRecord>().Where(c => c.AssociationId == associationId && c.VoidedAt == null).ToListAsync(cancellationToken);
        if (current.Count == 0 && !string.IsNullOrWhiteSpace(association.CertificateNumber))
        {
            var old = new CertificateRecord
            {
                AssociationId = associationId, Number = association.CertificateNumber!, CreditCode = association.CreditCode ?? "", IssuedAt = association.CreatedAt,
            };
            db.Add(old);
            current.Add(old);
        }

        foreach (var certificate in current)
        {
            certificate.VoidedAt = now;
            certificate.VoidReason = reason;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (association.CertificateNumber is not null)
        {
            await register.UpdateAsync(associationId, AssociationFields.From(association) with { CertificateNumber = null }, association.ConcurrencyStamp, cancellationToken);
        }

        return current;
    }
}
