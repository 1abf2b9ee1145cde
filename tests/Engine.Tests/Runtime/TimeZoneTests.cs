using static Decoupling.Engine.Tests.Runtime.EngineHarness;

namespace Decoupling.Engine.Tests.Runtime;

public sealed class TimeZoneTests
{
    [Fact]
    public async Task A_timer_date_without_offset_is_Beijing_time_whatever_the_server_zone()
    {
        var h = new EngineHarness();
        await h.DeployAndStartAsync($"""
            <bpmn:startEvent id="S" />
            <bpmn:intermediateCatchEvent id="T"><bpmn:timerEventDefinition><bpmn:timeDate>2026-01-05T12:00:00</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="E" />
            {Flows("S->T", "T->E")}
            """);

        var job = Assert.Single(await h.Engine.PendingJobsAsync());
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 4, 0, 0, TimeSpan.Zero), job.DueAt.ToUniversalTime());
    }
}
