using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Routing;

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> builder)
    {
        builder.ToTable("RoutingRules");
        builder.HasIndex(r => new { r.Category, r.SortOrder });
        builder.Property(r => r.ItemCode).HasMaxLength(32);
        builder.Property(r => r.Keyword).HasMaxLength(200);
        builder.Property(r => r.Note).HasMaxLength(500);
    }
}
