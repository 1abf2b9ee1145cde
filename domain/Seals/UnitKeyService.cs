using Decoupling.Domain.Common;
using Decoupling.Domain.Crypto;
using Decoupling.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Seals;

/// <summary>
/// The SM2 key of each department and association: a department's at start (<see cref="EnsureDepartmentKeysAsync"/>), an
/// association's on its first seal (a register of thousands need not wait for keys it may never use);
/// the private half encrypted with the master key and bound to the key row, so a key copied onto another unit's row
/// does not decrypt.
/// </summary>
public sealed class UnitKeyService(PlatformDbContext db, MasterKey masterKey, TimeProvider time)
{
    public const string Purpose = "unit-keys";

    public async Task<UnitKey> GetOrCreateAsync(Guid? departmentId, Guid? associationId, CancellationToken cancellationToken = default)
    {
        var existing = await FindAsync(departmentId, associationId, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var unitName = departmentId is { } d
            ? await db.Departments.Where(x => x.Id == d).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken)
            : await db.Associations.Where(x => x.Id == associationId).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken);
        var (privateKey, publicKey) = Sm2.GenerateKeyPair();
        var key = new UnitKey
        {
            DepartmentId = departmentId,
            AssociationId = departmentId is null ? associationId : null,
            UnitName = unitName ?? "",
            PublicKey = Convert.ToHexStringLower(publicKey),
            KeyId = Sm2.KeyId(publicKey),
            CreatedAt = Clock.Now(time),
        };
        key.EncryptedPrivateKey = Convert.ToBase64String(masterKey.Encrypt(Purpose, privateKey, key.Id.ToString("N")));
        db.UnitKeys.Add(key);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return key;
        }
        catch (DbUpdateException)
        {
            // another request made this unit's key at the same moment (unique per unit): use theirs
            db.Entry(key).State = EntityState.Detached;
            return await FindAsync(departmentId, associationId, cancellationToken) ?? throw new InvalidOperationException("unit key vanished");
        }
    }

    public async Task EnsureDepartmentKeysAsync(CancellationToken cancellationToken = default)
    {
        var missing = await db.Departments.AsNoTracking().Where(d => !db.UnitKeys.Any(k => k.DepartmentId == d.Id)).Select(d => d.Id).ToListAsync(cancellationToken);
        foreach (var department in missing)
        {
            await GetOrCreateAsync(department, null, cancellationToken);
        }
    }

    /// <summary>The private key, decrypted; refuses a key that does not decrypt or does not match its public half.</summary>
    public byte[] PrivateKeyOf(UnitKey key)
    {
        var privateKey = masterKey.Decrypt(Purpose, Convert.FromBase64String(key.EncryptedPrivateKey), key.Id.ToString("N"));
        if (privateKey is null || Convert.ToHexStringLower(Sm2.PublicKeyOf(privateKey)) != key.PublicKey)
        {
            throw new DomainException(DomainErrorCodes.UnitKeyDecryptFailed, key.UnitName);
        }

        return privateKey;
    }

    /// <summary>Every unit's public key: the trust list a third party checks seals against (no private data).</summary>
    public Task<List<TrustedKey>> TrustListAsync(CancellationToken cancellationToken = default) =>
        db.UnitKeys.AsNoTracking().OrderBy(k => k.UnitName)
            .Select(k => new TrustedKey(k.KeyId, k.UnitName, k.PublicKey, k.CreatedAt))
            .ToListAsync(cancellationToken);

    private Task<UnitKey?> FindAsync(Guid? departmentId, Guid? associationId, CancellationToken cancellationToken) =>
        departmentId is { } d
            ? db.UnitKeys.AsNoTracking().FirstOrDefaultAsync(k => k.DepartmentId == d, cancellationToken)
            : db.UnitKeys.AsNoTracking().FirstOrDefaultAsync(k => k.AssociationId == associationId, cancellationToken);
}
