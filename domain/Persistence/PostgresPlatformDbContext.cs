using Decoupling.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Persistence;

/// <summary>PostgreSQL (production), with its own migrations under Persistence/Migrations/Postgres.</summary>
public sealed class PostgresPlatformDbContext(
    DbContextOptions<PostgresPlatformDbContext> options, IAuditActor? actor = null, TimeProvider? time = null)
    : PlatformDbContext(options, actor, time);
