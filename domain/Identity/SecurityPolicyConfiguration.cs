using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Identity;

internal sealed class SecurityPolicyConfiguration : IEntityTypeConfiguration<SecurityPolicy>
{
    public void Configure(EntityTypeBuilder<SecurityPolicy> builder)
    {
        builder.ToTable("SecurityPolicies");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.UpdatedBy).HasMaxLength(256);
    }
}
