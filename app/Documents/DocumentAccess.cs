using Decoupling.Application.Access;
using Decoupling.Application.Errors;
using Decoupling.Application.Infrastructure;
using Decoupling.Application.People;
using Decoupling.Domain.Checklists;
using Decoupling.Domain.Documents;
using Decoupling.Domain.Persistence;
using Decoupling.Domain.Seals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Application.Documents;

/// <summary>
/// Who reads which document, once for the API and the pages: the district's supervisors all; a department its own;
/// whoever may see an association its documents; a reviewing department the association's plan and the evidence of
/// the items it reviews; the addressees of a published notice its attachments. Anything else answers as missing.
/// </summary>
public sealed class DocumentAccess(IServiceScopeFactory scopes)
{
    public static async Task<bool> MayReadAsync(PlatformDbContext db, CaseActor actor, DocumentRecord record, CancellationToken cancellationToken = default)
    {
        var access = AssociationAccess.Of(actor);
        if (access.District || (record.OwnerDepartmentId is { } department && department == actor.Account.DepartmentId))
        {
            return true;
        }

        // a notice's attachment goes wherever the notice went: its addressees and their units (R25)
        if (record.Type == DocumentType.PublicationAttachment)
        {
            return await Publications.PublicationAudience.MayReadAttachmentAsync(db, actor, record.Id, cancellationToken);
        }

        if (record.OwnerAssociationId is not { } owner)
        {
            return false;
        }

        if (await access.FindAsync(db, owner, cancellationToken) is not null)
        {
            return true;
        }

        if (actor.Department?.Code is not { } code)
        {
            return false;
        }

        var items = await db.ChecklistItems.AsNoTracking().Where(i => db.Checklists.Any(c => c.Id == i.ChecklistId && c.AssociationId == owner)).ToListAsync(cancellationToken);
        var reviewed = items.Where(i => i.ReviewingDepartmentCodes.Contains(code)).ToList();
        return reviewed.Count > 0
            && (record.Type == DocumentType.DecouplingPlan || reviewed.Any(i => i.EvidenceDocumentIds.Contains(record.Id)));
    }

    /// <summary>The association's documents this actor may read, newest first.</summary>
    public async Task<IReadOnlyList<DocumentRecord>> ListAsync(CaseActor actor, Guid associationId, CancellationToken cancellationToken = default)
    {
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var documents = await scope.Db.Documents.AsNoTracking().Where(d => d.OwnerAssociationId == associationId)
            .OrderByDescending(d => d.CreatedAt).Take(500).ToListAsync(cancellationToken);
        var readable = new List<DocumentRecord>();
        foreach (var document in documents)
        {
            if (await MayReadAsync(scope.Db, actor, document, cancellationToken))
            {
                readable.Add(document);
            }
        }

        return readable;
    }

    /// <summary>A document's record and bytes, copied out of the store, when the actor may read it.</summary>
    public async Task<(DocumentRecord Record, MemoryStream Content)> OpenAsync(CaseActor actor, Guid documentId, CancellationToken cancellationToken = default)
    {
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var record = await ReadableAsync(scope, actor, documentId, cancellationToken);

        var (_, stream) = await scope.Get<DocumentService>().OpenAsync(documentId, cancellationToken);
        var copy = new MemoryStream();
        await using (stream)
        {
            await stream.CopyToAsync(copy, cancellationToken);
        }

        copy.Position = 0;
        return (record, copy);
    }

    /// <summary>The versions of a document the actor may read, newest first.</summary>
    public async Task<IReadOnlyList<DocumentRecord>> HistoryAsync(CaseActor actor, Guid documentId, CancellationToken cancellationToken = default)
    {
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        await ReadableAsync(scope, actor, documentId, cancellationToken);
        return await scope.Get<DocumentService>().HistoryAsync(documentId, cancellationToken);
    }

    /// <summary>
    /// Seals a document the actor may read on behalf of their unit (the seal service checks who may seal). Only what
    /// people make is sealed by people (<see cref="MaySeal"/>): a seal on an issued decision would read as co-issuing it.
    /// </summary>
    public async Task<SealConfirmation> SealAsync(CaseActor actor, Guid documentId, CancellationToken cancellationToken = default)
    {
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var record = await ReadableAsync(scope, actor, documentId, cancellationToken);
        if (!MaySeal(record.Type))
        {
            throw new AppException(AppErrors.DocumentNotSealable, DocumentTypeNames.Of(record.Type), record.FileName) { Field = "type" };
        }

        return await scope.Get<SealService>().ConfirmAsync(documentId, actor.Account.Id, cancellationToken);
    }

    /// <summary>Checks the seals on a document the actor may read.</summary>
    public async Task<SealVerification> VerifySealsAsync(CaseActor actor, Guid documentId, CancellationToken cancellationToken = default)
    {
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        await ReadableAsync(scope, actor, documentId, cancellationToken);
        return await scope.Get<SealService>().VerifyAsync(documentId, cancellationToken);
    }

    private static async Task<DocumentRecord> ReadableAsync(UseCaseScope scope, CaseActor actor, Guid documentId, CancellationToken cancellationToken)
    {
        var record = await scope.Db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        return record is not null && await MayReadAsync(scope.Db, actor, record, cancellationToken)
            ? record
            : throw new AppException(AppErrors.DocumentNotVisible, documentId);
    }

    /// <summary>A Word document as HTML for the page (every text encoded by <see cref="DocxPreview"/>).</summary>
    public async Task<string> PreviewAsync(CaseActor actor, Guid documentId, CancellationToken cancellationToken = default)
    {
        var (record, content) = await OpenAsync(actor, documentId, cancellationToken);
        await using (content)
        {
            return DocxPreview.ToHtml(content, record.FileName);
        }
    }

    /// <summary>Uploads a file for an association the actor may see (or their own unit's file); checked by content and size.</summary>
    public async Task<DocumentRecord> UploadAsync(CaseActor actor, Guid? associationId, Stream content, string fileName, DocumentType type,
        CancellationToken cancellationToken = default)
    {
        if (!MayUploadAs(actor, type))
        {
            throw new AppException(AppErrors.DocumentTypeNotUploadable, DocumentTypeNames.Of(type)) { Field = "type" };
        }

        RefuseReservedName(fileName);
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        Guid? ownerAssociation = actor.Account.AssociationId;
        Guid? ownerDepartment = ownerAssociation is null ? actor.Account.DepartmentId : null;
        if (associationId is { } id)
        {
            if (await AssociationAccess.Of(actor).FindAsync(scope.Db, id, cancellationToken) is null)
            {
                throw new AppException(AppErrors.AssociationNotVisible, id);
            }

            ownerAssociation = id;
            ownerDepartment = null;
        }

        return await scope.Get<DocumentService>().UploadAsync(content, new DocumentUpload(fileName, type, actor.UserName, ownerDepartment, ownerAssociation), cancellationToken);
    }

    /// <summary>
    /// What a person may upload a file as: evidence and other material, anyone who may see the association; the plan, its
    /// supervisory unit (the plan is the unit's, R9). Decisions, certificates, evaluations, ledgers and notices' attachments
    /// are issued by the flows and the office's pages only, so no upload can pose as one.
    /// </summary>
    public static bool MayUploadAs(CaseActor actor, DocumentType type) => type switch
    {
        DocumentType.Evidence or DocumentType.Other => true,
        DocumentType.DecouplingPlan => actor.SupervisoryUnitId is not null,
        _ => false,
    };

    /// <summary>
    /// What a person may seal: material the association or its unit made (evidence, other material, the plan, the unit's
    /// summary, the checklist's export). Decisions, certificates, evaluations, ledgers and notices' attachments name their
    /// issuing department inside the document; nobody else's seal belongs on them.
    /// </summary>
    public static bool MaySeal(DocumentType type) =>
        type is DocumentType.Evidence or DocumentType.Other or DocumentType.DecouplingPlan or DocumentType.Summary;

    /// <summary>
    /// The sealed checklist is found by its file name (<see cref="ChecklistSeals.FilePrefix"/>): only the checklist's own
    /// "盖章确认" writes such a file, so a seal on an uploaded look-alike can never stand for the checklist (R8).
    /// </summary>
    private static void RefuseReservedName(string fileName)
    {
        if (FileNameSanitizer.Sanitize(fileName).StartsWith(ChecklistSeals.FilePrefix, StringComparison.Ordinal))
        {
            throw new AppException(AppErrors.DocumentNameReserved, FileNameSanitizer.Sanitize(fileName), ChecklistSeals.FilePrefix) { Field = "file" };
        }
    }

    /// <summary>
    /// Which documents are revised by new versions: the unit's plan and summary. Decisions, certificates and evidence are
    /// never replaced (a decision is corrected by a new decision, evidence by another file).
    /// </summary>
    public static bool IsRevisable(DocumentRecord document) => document.Type is DocumentType.DecouplingPlan or DocumentType.Summary;

    /// <summary>Whether a page offers this person to revise the document: a supervisory unit's staff, on a revisable document (the upload checks ownership).</summary>
    public static bool OffersRevision(CaseActor actor, DocumentRecord document) => IsRevisable(document) && actor.SupervisoryUnitId is not null;

    /// <summary>A new version of a document the actor may read and whose owner they belong to (a revised plan or summary).</summary>
    public async Task<DocumentRecord> UploadVersionAsync(CaseActor actor, Guid documentId, Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        RefuseReservedName(fileName);
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var record = await ReadableAsync(scope, actor, documentId, cancellationToken);

        if (!IsRevisable(record))
        {
            throw new AppException(AppErrors.DocumentNotRevisable, record.FileName);
        }

        var owns = (record.OwnerDepartmentId is { } department && department == actor.Account.DepartmentId)
            || (record.OwnerAssociationId is { } association && (association == actor.Account.AssociationId
                || await scope.Db.Associations.AnyAsync(a => a.Id == association && a.SupervisoryUnitId == actor.Account.DepartmentId && actor.Account.DepartmentId != null, cancellationToken)));
        if (!owns)
        {
            throw new AppException(AppErrors.DocumentNotYours, record.FileName);
        }

        // a version always follows the newest one, so revising an older link never forks the document's history
        var documents = scope.Get<DocumentService>();
        var newest = (await documents.HistoryAsync(documentId, cancellationToken))[0];
        return await documents.UploadNewVersionAsync(newest.Id, content,
            new DocumentUpload(fileName, record.Type, actor.UserName, record.OwnerDepartmentId, record.OwnerAssociationId), cancellationToken);
    }
}
