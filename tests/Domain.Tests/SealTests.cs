using Decoupling.Domain.Common;
using Decoupling.Domain.Documents;
using Decoupling.Domain.Identity;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Seals;
using Decoupling.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Tests;

public sealed class SealTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "seal-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Verification_detects_a_modified_stored_file()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        var (document, staff, supervisor) = await ArrangeAsync(db);
        var seals = Service(db);
        await seals.ConfirmAsync(document.Id, staff.Id);
        await seals.ConfirmAsync(document.Id, supervisor.Id);

        Assert.True((await seals.VerifyAsync(document.Id)).IsIntact);

        await File.AppendAllTextAsync(new LocalFileStore(_root).PathOf(document.StorageKey), "tampered");
        var result = await seals.VerifyAsync(document.Id);

        Assert.False(result.IsIntact);
        Assert.False(result.StoredFileMatches);
        Assert.Equal(2, result.Seals.Count);
        Assert.All(result.Seals, s => Assert.False(s.Matches));
    }

    [Fact]
    public async Task A_seal_records_person_unit_time_and_hash()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        var (document, _, supervisor) = await ArrangeAsync(db);

        var seal = await Service(db).ConfirmAsync(document.Id, supervisor.Id);

        Assert.Equal(document.Sha256, seal.Sha256);
        Assert.Equal("区经济和信息化局", seal.UnitName);
        Assert.Equal(supervisor.DisplayName, seal.UserDisplayName);
        Assert.NotEqual(default, seal.ConfirmedAt);
    }

    [Fact]
    public async Task A_member_of_another_unit_cannot_seal()
    {
        await using var database = await TestDatabase.CreateAsync(seed: true);
        await using var db = database.Open();
        var (document, _, _) = await ArrangeAsync(db);
        var outsider = await AddUserAsync(db, "swj-user", departmentCode: "swj");

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Service(db).ConfirmAsync(document.Id, outsider.Id));

        Assert.Equal(DomainErrorCodes.SealUserNotAuthorised, error.Code);
    }

    internal static readonly Decoupling.Domain.Crypto.MasterKey TestMasterKey = new(Convert.FromHexString("0F1E2D3C4B5A69788796A5B4C3D2E1F0"));

    private SealService Service(PlatformDbContext db) =>
        new(db, new LocalFileStore(_root), TimeProvider.System, new UnitKeyService(db, TestMasterKey, TimeProvider.System));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task<(DocumentRecord Document, PlatformUser Staff, PlatformUser Supervisor)> ArrangeAsync(PlatformDbContext db)
    {
        var association = await db.Associations.SingleAsync(a => a.Name == "临沂市罗庄区陶瓷行业协会");
        var staff = await AddUserAsync(db, "ceramics", associationId: association.Id);
        var supervisor = await AddUserAsync(db, "jxj-user", departmentCode: "jxj");
        var documents = new DocumentService(db, new LocalFileStore(_root), new DocumentOptions(), TimeProvider.System);
        var document = await documents.UploadAsync(new MemoryStream(DocumentTests.Pdf),
            new DocumentUpload("清单.pdf", DocumentType.Evidence, "ceramics", OwnerAssociationId: association.Id));
        return (document, staff, supervisor);
    }

    private static async Task<PlatformUser> AddUserAsync(PlatformDbContext db, string name, string? departmentCode = null, Guid? associationId = null)
    {
        var user = new PlatformUser
        {
            UserName = name, NormalizedUserName = name.ToUpperInvariant(), DisplayName = name + " 经办人",
            DepartmentId = departmentCode is null ? null : await db.Departments.Where(d => d.Code == departmentCode).Select(d => d.Id).SingleAsync(),
            AssociationId = associationId,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }
}
