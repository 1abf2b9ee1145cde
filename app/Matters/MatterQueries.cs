using Decoupling.Application.Access;
using Decoupling.Application.Errors;
using Decoupling.Application.Infrastructure;
using Decoupling.Application.People;
using Decoupling.Domain.Matters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Application.Matters;

/// <summary>Window matters (办件) as their readers may see them: an association's own, or the district's for the window and supervisors.</summary>
public sealed class MatterQueries(IServiceScopeFactory scopes)
{
    public async Task<IReadOnlyList<Matter>> ListAsync(CaseActor actor, Guid? associationId, CancellationToken cancellationToken = default)
    {
        await using var scope = UseCaseScope.Open(scopes, actor.UserName);
        var access = AssociationAccess.Of(actor);
        if (associationId is { } id)
        {
            if (await access.FindAsync(scope.Db, id, cancellationToken) is null)
            {
                throw new AppException(AppErrors.AssociationNotVisible, id);
            }
        }
        else if (!access.District)
        {
            throw new AppException(AppErrors.AssociationNotVisible, "—");
        }

        return await scope.Db.Matters.AsNoTracking().Where(m => associationId == null || m.AssociationId == associationId)
            .OrderByDescending(m => m.CreatedAt).Take(500).ToListAsync(cancellationToken);
    }
}
