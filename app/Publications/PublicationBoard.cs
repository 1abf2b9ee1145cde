using Decoupling.Application.Errors;
using Decoupling.Application.Infrastructure;
using Decoupling.Application.People;
using Decoupling.Domain.Common;
using Decoupling.Domain.Documents;
using Decoupling.Domain.Notifications;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Publications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Application.Publications;

/// <summary>
/// 舆论引导、政策解读 (R25): the leading-group office publishes notices and policy interpretations to associations,
/// which read them in their portal (the first reader of each association leaves its receipt); the office and the units
/// follow who has read them, and the office reminds the rest. Who may do what is <see cref="PublicationAudience"/>'s.
/// </summary>
public sealed class PublicationBoard(IServiceScopeFactory scopes, TimeProvider time)
{
    public const int MaxTitle = 200;
    public const int MaxBody = 20000;
    public const int MaxAttachments = 10;

    /// <summary>The notices' links: one page that shows the publication to whoever may see it.</summary>
    public static string LinkOf(Guid id) => $"/publications/{id}";

    public async Task<IReadOnlyList<PublicationSummary>> ListAsync(CaseActor actor, CancellationToken cancellationToken = default)
    {
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var db = scope.Db;
        var publications = await PublicationAudience.Visible(db, actor).AsNoTracking()
            .OrderByDescending(p => p.PublishedAt).Take(500).ToListAsync(cancellationToken);
        var ids = publications.Select(p => p.Id).ToList();
        var titles = await TitlesAsync(db, publications.Where(p => p.CorrectsId != null).Select(p => p.CorrectsId!.Value), cancellationToken);
        var corrected = (await db.Publications.AsNoTracking().Where(p => p.CorrectsId != null && ids.Contains(p.CorrectsId.Value))
            .Select(p => p.CorrectsId!.Value).ToListAsync(cancellationToken)).ToHashSet();

        Dictionary<Guid, (int Read, int Expected)> figures = [];
        if (PublicationAudience.MayFollowReads(actor))
        {
            figures = (await PublicationAudience.FollowedReceipts(db, actor).AsNoTracking().Where(r => ids.Contains(r.PublicationId))
                    .Select(r => new { r.PublicationId, Read = r.FirstReadAt != null }).ToListAsync(cancellationToken))
                .GroupBy(r => r.PublicationId).ToDictionary(g => g.Key, g => (g.Count(r => r.Read), g.Count()));
        }

        HashSet<Guid> readByMine = [];
        var mine = OwnAssociation(actor);
        if (mine is { } association)
        {
            readByMine = (await db.PublicationRecipients.AsNoTracking()
                .Where(r => r.AssociationId == association && r.FirstReadAt != null && ids.Contains(r.PublicationId))
                .Select(r => r.PublicationId).ToListAsync(cancellationToken)).ToHashSet();
        }

        return publications.Select(p =>
        {
            var (read, expected) = figures.GetValueOrDefault(p.Id);
            var follows = PublicationAudience.MayFollowReads(actor);
            return new PublicationSummary(p.Id, PublicationKinds.Name(p.Kind), p.Title, p.PublishedAt, p.PublisherName, p.CorrectsId,
                p.CorrectsId is { } c ? titles.GetValueOrDefault(c) : null, corrected.Contains(p.Id), p.AttachmentDocumentIds.Count,
                mine is null ? null : readByMine.Contains(p.Id), follows ? read : null, follows ? expected : null);
        }).ToList();
    }

    /// <summary>
    /// Opens one publication. When association staff open it, their association's receipt is written if it has none yet
    /// (the first reader and the time) and their own notices about it are marked read.
    /// </summary>
    public async Task<PublicationView> OpenAsync(CaseActor actor, Guid id, CancellationToken cancellationToken = default)
    {
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var db = scope.Db;
        var publication = await PublicationAudience.Visible(db, actor).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new AppException(AppErrors.PublicationNotFound, id);

        if (OwnAssociation(actor) is { } association)
        {
            var now = Clock.Now(time);
            var receipt = await db.PublicationRecipients.FirstAsync(r => r.PublicationId == id && r.AssociationId == association, cancellationToken);
            if (receipt.FirstReadAt is null)
            {
                receipt.FirstReadAt = now;
                receipt.FirstReaderUserName = actor.UserName;
                receipt.FirstReaderName = actor.Name;
            }

            var prefix = NoticeKeyPrefix(id);
            var unread = await Notifications.NoticeInbox.Unread(db, actor).Where(n => n.DedupKey.StartsWith(prefix)).Select(n => n.Id).ToListAsync(cancellationToken);
            db.NotificationReads.AddRange(unread.Select(n => new NotificationRead { NotificationId = n, UserName = actor.UserName, ReadAt = now }));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // a second tab of the same reader recorded the same reads at the same moment; the page shows all the same
                db.ChangeTracker.Clear();
            }
        }

        var attachments = await db.Documents.AsNoTracking().Where(d => publication.AttachmentDocumentIds.Contains(d.Id))
            .Select(d => new PublicationAttachment(d.Id, d.FileName, d.Size)).ToListAsync(cancellationToken);
        var correctedBy = await PublicationAudience.Visible(db, actor).AsNoTracking().Where(p => p.CorrectsId == id)
            .OrderBy(p => p.PublishedAt).Select(p => p.Id).ToListAsync(cancellationToken);
        var correctsTitle = publication.CorrectsId is { } corrects ? (await TitlesAsync(db, [corrects], cancellationToken)).GetValueOrDefault(corrects) : null;
        return new PublicationView(publication.Id, PublicationKinds.Name(publication.Kind), publication.Title, publication.Body,
            await AudienceTextAsync(db, publication, cancellationToken), publication.PublishedAt, publication.PublisherName,
            publication.CorrectsId, correctsTitle, correctedBy,
            [.. publication.AttachmentDocumentIds.Select(d => attachments.FirstOrDefault(a => a.DocumentId == d)).OfType<PublicationAttachment>()]);
    }

    /// <summary>
    /// Publishes in one transaction: the attachments, the publication, a receipt row per addressed association and a
    /// notice to each of their staff. Everything is checked before anything is written; a refusal writes nothing.
    /// </summary>
    public async Task<PublicationView> PublishAsync(CaseActor actor, PublicationDraft draft, CancellationToken cancellationToken = default)
    {
        RequirePublisher(actor);

        var kind = PublicationKinds.Parse(draft.Kind);
        var title = Required(draft.Title, "标题", "title", MaxTitle);
        var body = Required(draft.Body, "正文", "body", MaxBody);
        if (draft.Attachments.Count > MaxAttachments)
        {
            throw new AppException(AppErrors.PublicationTooManyAttachments, MaxAttachments) { Field = "files" };
        }

        var unitIds = draft.ToWholeDistrict ? [] : draft.UnitIds.Distinct().ToList();
        if (!draft.ToWholeDistrict && unitIds.Count == 0)
        {
            throw new AppException(AppErrors.PublicationUnitsRequired) { Field = "unitIds" };
        }

        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var db = scope.Db;
        var units = await db.Departments.AsNoTracking().Where(d => unitIds.Contains(d.Id) && d.Kind == Domain.Departments.DepartmentKind.SupervisoryUnit)
            .Select(d => d.Id).ToListAsync(cancellationToken);
        var unknown = unitIds.Where(u => !units.Contains(u)).ToList();
        if (unknown.Count > 0)
        {
            throw new AppException(AppErrors.PublicationUnitUnknown, unknown[0]) { Field = "unitIds" };
        }

        if (draft.CorrectsId is { } corrects && !await db.Publications.AnyAsync(p => p.Id == corrects, cancellationToken))
        {
            throw new AppException(AppErrors.PublicationCorrectedUnknown, corrects) { Field = "corrects" };
        }

        var files = await CheckedFilesAsync(scope.Get<DocumentService>(), draft.Attachments, cancellationToken);
        var addressees = await PublicationAudience.Addressees(db, draft.ToWholeDistrict, unitIds)
            .Select(a => new { a.Id, a.SupervisoryUnitId }).ToListAsync(cancellationToken);
        if (addressees.Count == 0)
        {
            throw new AppException(AppErrors.PublicationAudienceEmpty) { Field = "unitIds" };
        }

        var associationIds = addressees.Select(a => a.Id).ToList();
        var staff = await db.Users.AsNoTracking().Where(u => u.AssociationId != null && associationIds.Contains(u.AssociationId.Value))
            .Select(u => u.UserName!).ToListAsync(cancellationToken);
        var now = Clock.Now(time);
        var publication = new Publication
        {
            Kind = kind, Title = title, Body = body, ToWholeDistrict = draft.ToWholeDistrict, AudienceUnitIds = unitIds,
            CorrectsId = draft.CorrectsId, PublisherDepartmentId = actor.Account.DepartmentId,
            PublishedBy = actor.UserName, PublisherName = Publication.OfficeName, PublishedAt = now,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var documents = scope.Get<DocumentService>();
        foreach (var (name, bytes) in files)
        {
            var record = await documents.UploadAsync(new MemoryStream(bytes, writable: false),
                new DocumentUpload(name, DocumentType.PublicationAttachment, actor.UserName, actor.Account.DepartmentId), cancellationToken);
            publication.AttachmentDocumentIds.Add(record.Id);
        }

        db.Publications.Add(publication);
        db.PublicationRecipients.AddRange(addressees.Select(a => new PublicationRecipient
        {
            PublicationId = publication.Id, AssociationId = a.Id, SupervisoryUnitId = a.SupervisoryUnitId,
        }));
        var kindName = PublicationKinds.Name(kind);
        db.Notifications.AddRange(staff.Select(user => Notice($"{NoticeKeyPrefix(publication.Id)}{user}", $"{kindName}：{title}",
            $"{Publication.OfficeName}发布了{kindName}《{title}》，请及时阅读。", user, publication.Id, now)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await OpenAsync(actor, publication.Id, cancellationToken);
    }

    /// <summary>The supervisory units a publication may be addressed to, in the district's order.</summary>
    public async Task<IReadOnlyList<UnitChoice>> UnitsAsync(CaseActor actor, CancellationToken cancellationToken = default)
    {
        RequirePublisher(actor);
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        return await scope.Db.Departments.AsNoTracking().Where(d => d.Kind == Domain.Departments.DepartmentKind.SupervisoryUnit && d.IsActive)
            .OrderBy(d => d.SortOrder).Select(d => new UnitChoice(d.Id, d.ShortName ?? d.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>Refuses anyone but the office (a unit, a reviewer, an association) before anything is read or written.</summary>
    public static void RequirePublisher(CaseActor actor)
    {
        if (!PublicationAudience.MayPublish(actor))
        {
            throw new AppException(AppErrors.PublicationForbidden);
        }
    }

    /// <summary>已读 / 应读 of a publication with each addressed association the caller follows, unread first.</summary>
    public async Task<PublicationReads> ReadsAsync(CaseActor actor, Guid id, CancellationToken cancellationToken = default)
    {
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var db = scope.Db;
        var publication = await PublicationAudience.Visible(db, actor).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new AppException(AppErrors.PublicationNotFound, id);
        if (!PublicationAudience.MayFollowReads(actor))
        {
            throw new AppException(AppErrors.PublicationReadsForbidden);
        }

        var receipts = await PublicationAudience.FollowedReceipts(db, actor).AsNoTracking().Where(r => r.PublicationId == id).ToListAsync(cancellationToken);
        var associationIds = receipts.Select(r => r.AssociationId).ToList();
        var names = await db.Associations.AsNoTracking().Where(a => associationIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var unitNames = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.ShortName ?? d.Name, cancellationToken);
        var readers = receipts
            .Select(r => new PublicationReader(r.AssociationId, names.GetValueOrDefault(r.AssociationId) ?? "", r.SupervisoryUnitId is { } u ? unitNames.GetValueOrDefault(u) : null,
                r.FirstReadAt is not null, r.FirstReadAt, r.FirstReaderName))
            .OrderBy(r => r.Read).ThenBy(r => r.UnitName).ThenBy(r => r.AssociationName, StringComparer.Ordinal).ToList();
        return new PublicationReads(publication.Id, publication.Title, readers.Count(r => r.Read), readers.Count, readers);
    }

    /// <summary>
    /// 催阅: sends the notice again to the staff of every association that has not read the publication, at most once a
    /// day (district time) per person, so pressing it twice does not flood their inbox.
    /// </summary>
    public async Task<PublicationReminder> RemindAsync(CaseActor actor, Guid id, CancellationToken cancellationToken = default)
    {
        if (!PublicationAudience.MayPublish(actor))
        {
            throw new AppException(AppErrors.PublicationRemindForbidden);
        }

        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var db = scope.Db;
        var publication = await db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new AppException(AppErrors.PublicationNotFound, id);
        var unread = await db.PublicationRecipients.AsNoTracking().Where(r => r.PublicationId == id && r.FirstReadAt == null)
            .Select(r => r.AssociationId).ToListAsync(cancellationToken);
        var staff = await db.Users.AsNoTracking().Where(u => u.AssociationId != null && unread.Contains(u.AssociationId.Value))
            .Select(u => u.UserName!).ToListAsync(cancellationToken);

        var now = Clock.Now(time);
        var day = now.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var keys = staff.ToDictionary(user => $"{NoticeKeyPrefix(id)}remind:{day}:{user}");
        var wanted = keys.Keys.ToList();
        var sent = await db.Notifications.AsNoTracking().Where(n => wanted.Contains(n.DedupKey)).Select(n => n.DedupKey).ToListAsync(cancellationToken);
        var kindName = PublicationKinds.Name(publication.Kind);
        var notices = keys.Where(k => !sent.Contains(k.Key))
            .Select(k => Notice(k.Key, $"催阅：{kindName}《{publication.Title}》", $"{Publication.OfficeName}提醒：{kindName}《{publication.Title}》贵会尚未阅读，请及时阅读。",
                k.Value, id, now))
            .ToList();
        if (notices.Count > 0)
        {
            db.Notifications.AddRange(notices);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // another 催阅 of the same day won the race on the dedup keys: those reminders are sent already
                return new PublicationReminder(unread.Count, 0);
            }
        }

        return new PublicationReminder(unread.Count, notices.Count);
    }

    /// <summary>Every notice about a publication has a key starting so; opening the publication marks them read.</summary>
    private static string NoticeKeyPrefix(Guid id) => $"publication:{id:N}:";

    private static Notification Notice(string key, string title, string body, string user, Guid publicationId, DateTimeOffset now) => new()
    {
        DedupKey = key, Title = title.Length <= 200 ? title : title[..199] + "…", Body = body, RecipientUserId = user,
        Link = LinkOf(publicationId), CreatedAt = now,
    };

    private static Guid? OwnAssociation(CaseActor actor) =>
        actor.IsIn(Domain.Identity.PlatformRoles.AssociationStaff) ? actor.Account.AssociationId : null;

    private static async Task<Dictionary<Guid, string>> TitlesAsync(PlatformDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0 ? [] : await db.Publications.AsNoTracking().Where(p => wanted.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);
    }

    private static async Task<string> AudienceTextAsync(PlatformDbContext db, Publication publication, CancellationToken cancellationToken)
    {
        if (publication.ToWholeDistrict)
        {
            return "全区纳入脱钩范围的协会商会";
        }

        var units = await db.Departments.AsNoTracking().Where(d => publication.AudienceUnitIds.Contains(d.Id)).OrderBy(d => d.SortOrder)
            .Select(d => d.ShortName ?? d.Name).ToListAsync(cancellationToken);
        return $"{string.Join("、", units)}主管的协会商会";
    }

    /// <summary>Reads and checks every attachment (size, content, PDF or .docx) before the transaction starts.</summary>
    private static async Task<List<(string Name, byte[] Bytes)>> CheckedFilesAsync(DocumentService documents, IReadOnlyList<PublicationFile> attachments,
        CancellationToken cancellationToken)
    {
        var files = new List<(string, byte[])>();
        foreach (var file in attachments)
        {
            var buffer = new MemoryStream();
            await file.Content.CopyToAsync(buffer, cancellationToken);
            var bytes = buffer.ToArray();
            var name = FileNameSanitizer.Sanitize(file.FileName);
            var kind = documents.Check(bytes, name);
            if (kind != FileKind.Pdf && kind != FileKind.Docx)
            {
                throw new AppException(AppErrors.PublicationAttachmentKind, name) { Field = "files" };
            }

            files.Add((name, bytes));
        }

        return files;
    }

    private static string Required(string? value, string field, string key, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new AppException(AppErrors.PublicationFieldRequired, field) { Field = key };
        }

        var text = value.Trim();
        return text.Length <= max ? text : throw new AppException(AppErrors.PublicationFieldTooLong, field, max) { Field = key };
    }
}
