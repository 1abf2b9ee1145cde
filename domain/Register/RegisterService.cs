using System.Globalization;
using Decoupling.Domain.Common;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Register;

/// <summary>
/// Reads and edits the register. Every update writes one <see cref="AssociationChange"/> per changed field (the
/// register's readable history) besides the audit chain.
/// </summary>
public sealed class RegisterService(PlatformDbContext db, TimeProvider time)
{
    /// <summary>
    /// Associations matching <paramref name="text"/> (name, credit code or industry), optionally only those under one
    /// supervisory unit — the host passes the caller's department to scope a supervisory unit to its own.
    /// </summary>
    public async Task<(IReadOnlyList<Association> Items, int Total)> SearchAsync(
        string? text = null, Guid? supervisoryUnitId = null, RegistrationStatus? status = null, int skip = 0, int take = 50,
        CancellationToken cancellationToken = default)
    {
        var query = db.Associations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            query = query.Where(a => a.Name.Contains(t) || (a.CreditCode != null && a.CreditCode.Contains(t))
                                     || (a.Industry != null && a.Industry.Contains(t)));
        }

        if (supervisoryUnitId is not null)
        {
            // a unit keeps the associations that left it by decoupling (its summary and its workbench count them)
            query = FormerUnits.OfUnit(db, query, supervisoryUnitId.Value);
        }

        if (status is not null)
        {
            query = query.Where(a => a.Status == status);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(a => a.Name).Skip(skip).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken);
        return (items, total);
    }

    public async Task<Association> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        await db.Associations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
        ?? throw new DomainException(DomainErrorCodes.NotFound, "协会商会", id);

    public Task<List<AssociationChange>> HistoryAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.AssociationChanges.AsNoTracking().Where(c => c.AssociationId == id)
            .OrderByDescending(c => c.ChangedAt).ThenBy(c => c.Field).ToListAsync(cancellationToken);

    public async Task<Association> CreateAsync(AssociationFields fields, CancellationToken cancellationToken = default)
    {
        await ValidateAsync(fields, null, cancellationToken);
        var now = Clock.Now(time);
        var association = new Association { CreatedAt = now, UpdatedAt = now };
        fields.ApplyTo(association);
        db.Associations.Add(association);
        await db.SaveChangesAsync(cancellationToken);
        return association;
    }

    /// <summary>
    /// Replaces the fields of <paramref name="id"/>. <paramref name="expectedStamp"/> is the ConcurrencyStamp the
    /// editor read; a different current stamp means someone else saved first and the update is refused.
    /// </summary>
    public async Task<Association> UpdateAsync(Guid id, AssociationFields fields, Guid expectedStamp,
        CancellationToken cancellationToken = default)
    {
        var association = await db.Associations.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new DomainException(DomainErrorCodes.NotFound, "协会商会", id);
        if (association.ConcurrencyStamp != expectedStamp)
        {
            throw new DomainException(DomainErrorCodes.ConcurrencyConflict, association.Name);
        }

        await ValidateAsync(fields, id, cancellationToken);
        var before = AssociationFields.From(association);
        fields.ApplyTo(association);
        var after = AssociationFields.From(association);
        var now = Clock.Now(time);
        foreach (var property in typeof(AssociationFields).GetProperties())
        {
            var oldValue = Format(property.GetValue(before));
            var newValue = Format(property.GetValue(after));
            if (oldValue != newValue)
            {
                db.AssociationChanges.Add(new AssociationChange
                {
                    AssociationId = id, ChangedBy = db.CurrentActor, ChangedAt = now, Field = property.Name,
                    OldValue = oldValue, NewValue = newValue,
                });
            }
        }

        association.UpdatedAt = now;
        association.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(DomainErrorCodes.ConcurrencyConflict, association.Name);
        }

        return association;
    }

    private async Task ValidateAsync(AssociationFields fields, Guid? self, CancellationToken cancellationToken)
    {
        var errors = AssociationRules.Check(fields);
        if (fields.SupervisoryUnitId is { } unit && !await db.Departments.AnyAsync(d => d.Id == unit, cancellationToken))
        {
            errors.Add(new FieldError(nameof(fields.SupervisoryUnitId), DomainErrorCodes.SupervisoryUnitUnknown,
                DomainText.Get(DomainErrorCodes.SupervisoryUnitUnknown, unit)));
        }

        if (!string.IsNullOrWhiteSpace(fields.CreditCode))
        {
            var code = UnifiedSocialCreditCode.Normalize(fields.CreditCode);
            var holder = await db.Associations.AsNoTracking().Where(a => a.CreditCode == code && a.Id != self)
                .Select(a => a.Name).FirstOrDefaultAsync(cancellationToken);
            if (holder is not null)
            {
                errors.Add(new FieldError(nameof(fields.CreditCode), DomainErrorCodes.CreditCodeDuplicateInRegister,
                    DomainText.Get(DomainErrorCodes.CreditCodeDuplicateInRegister, code, holder)));
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
