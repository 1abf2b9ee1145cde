using System.Text.Json.Nodes;
using Decoupling.Application.Errors;
using Decoupling.Application.Infrastructure;
using Decoupling.Application.People;
using Decoupling.Domain.Documents;
using Decoupling.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Application.Documents;

/// <summary>
/// The documents a case produced that belong to no association: a unit's summary (step 4) and the district's evaluation
/// reports (step 5). A case names its documents in its variables (summaryDocumentId, draftReportId, finalReportId …), so
/// they are the case's variables that are ids of stored documents, each at its newest version, and only those the actor
/// may read (<see cref="DocumentAccess.MayReadAsync"/>). Nobody else would find them: they hang on no register entry.
/// </summary>
public sealed class CaseDocuments(WorkflowEngine engine, IServiceScopeFactory scopes)
{
    public async Task<IReadOnlyList<DocumentRecord>> ListAsync(CaseActor actor, Guid rootInstanceId, CancellationToken cancellationToken = default)
    {
        if (!await engine.MaySeeInstanceAsync(rootInstanceId, actor.Actor, cancellationToken))
        {
            throw new AppException(AppErrors.InstanceNotVisible, rootInstanceId);
        }

        var instance = await engine.GetInstanceAsync(rootInstanceId, cancellationToken);
        var ids = (JsonNode.Parse(instance?.VariablesJson ?? "{}") as JsonObject ?? [])
            .Select(v => v.Value is JsonValue value && value.TryGetValue<string>(out var text) && Guid.TryParse(text, out var id) ? id : (Guid?)null)
            .OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var named = await scope.Db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken);
        var service = scope.Get<DocumentService>();
        var newest = new Dictionary<Guid, DocumentRecord>();
        foreach (var id in named)
        {
            // a unit's revised summary is a later version of the generated one: the case shows what is current
            var current = (await service.HistoryAsync(id, cancellationToken))[0];
            if (await DocumentAccess.MayReadAsync(scope.Db, actor, current, cancellationToken))
            {
                newest[current.Id] = current;
            }
        }

        return [.. newest.Values.OrderByDescending(d => d.CreatedAt)];
    }
}
