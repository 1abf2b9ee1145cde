using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Evaluation;

internal sealed class EvaluationRecordConfiguration : IEntityTypeConfiguration<EvaluationRecord>
{
    public void Configure(EntityTypeBuilder<EvaluationRecord> builder)
    {
        builder.ToTable("EvaluationRecords");
        builder.Property(r => r.Evaluator).HasMaxLength(200);
        builder.Property(r => r.Findings).HasMaxLength(10000);
    }
}
