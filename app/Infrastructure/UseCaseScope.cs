using Decoupling.Domain.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Application.Infrastructure;

/// <summary>
/// One use case's unit of work: a fresh DI scope (so a page's long-lived circuit never reads through a stale
/// DbContext), the platform's context, and the audit log told who acts.
/// </summary>
public sealed class UseCaseScope : IAsyncDisposable
{
    private readonly AsyncServiceScope scope;

    private UseCaseScope(AsyncServiceScope scope) => this.scope = scope;

    public IServiceProvider Services => scope.ServiceProvider;

    public PlatformDbContext Db => Services.GetRequiredService<PlatformDbContext>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static UseCaseScope Open(IServiceScopeFactory factory, string? actingUser)
    {
        var scope = factory.CreateAsyncScope();
        if (actingUser is not null && scope.ServiceProvider.GetService<ScopedAuditActor>() is { } audit)
        {
            audit.Override = actingUser;
        }

        return new UseCaseScope(scope);
    }

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
