using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Decoupling.Domain.Jobs;

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("JobRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.JobName).HasMaxLength(100);
        builder.Property(r => r.PeriodKey).HasMaxLength(100);
        builder.Property(r => r.Node).HasMaxLength(200);
        builder.Property(r => r.Message).HasMaxLength(500);
        builder.Property(r => r.Error).HasMaxLength(2000);
        // the page lists the latest runs; a job's runs of one period are looked up together
        builder.HasIndex(r => r.StartedAt);
        builder.HasIndex(r => new { r.JobName, r.PeriodKey });
    }
}
