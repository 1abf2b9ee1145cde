using Decoupling.Host.Jobs;

namespace Decoupling.Host.Tests.Jobs;

/// <summary>The schedules the job panel names when no job has run yet, read from the operator's cron.</summary>
public sealed class CronTextTests
{
    [Theory]
    [InlineData("*/15 * * * *", "每 15 分钟")]
    [InlineData("* * * * *", "每分钟")]
    [InlineData("0 8 * * 1", "每周一 08:00")]
    [InlineData("30 17 * * 0", "每周日 17:30")]
    [InlineData("0 3 1 * *", "每月 1 日 03:00")]
    [InlineData("5 2 * * *", "每天 02:05")]
    public void Reads_the_usual_schedules_in_Chinese(string cron, string text) => Assert.Equal(text, CronText.Describe(cron));

    [Theory]
    [InlineData("0 8 * 6 1")]
    [InlineData("0 8-18 * * *")]
    [InlineData("0 8 * * 1-5")]
    [InlineData("0 0 8 * * ?")]
    public void Shows_a_schedule_it_does_not_know_as_written(string cron) => Assert.Equal($"按计划 {cron}", CronText.Describe(cron));
}
