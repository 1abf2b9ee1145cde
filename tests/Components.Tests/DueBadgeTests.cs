using Decoupling.Host.Components.Shared;

namespace Decoupling.Components.Tests;

/// <summary>The due date of a task as a reviewer sees it: Beijing time, 已超期 past the limit, 即将到期 within a day.</summary>
public sealed class DueBadgeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero); // 10:00 in Linyi
    private readonly BunitContext context = ComponentContext.Create(new FixedClock(Now));

    [Fact]
    public void A_task_past_its_due_date_is_marked_overdue_in_Beijing_time()
    {
        var badge = context.Render<DueBadge>(p => p.Add(b => b.Due, Now.AddHours(-3)));

        Assert.Contains("已超期", badge.Markup);
        Assert.DoesNotContain("即将到期", badge.Markup);
        Assert.Equal("moment due-overdue", badge.Find("span").GetAttribute("class"));
        Assert.Contains("11-30 07:00", badge.Find("span").TextContent);
        Assert.Equal("2026-11-30 07:00", badge.Find("span").GetAttribute("title"));
    }

    [Fact]
    public void A_task_due_within_a_day_is_marked_due_soon()
    {
        var badge = context.Render<DueBadge>(p => p.Add(b => b.Due, Now.AddHours(20)));

        Assert.Contains("即将到期", badge.Markup);
        Assert.Equal("moment due-soon", badge.Find("span").GetAttribute("class"));
        Assert.Contains("12-01 06:00", badge.Find("span").TextContent);
    }

    [Fact]
    public void A_task_due_later_has_no_chip_and_one_without_a_limit_shows_a_dash()
    {
        var later = context.Render<DueBadge>(p => p.Add(b => b.Due, Now.AddDays(3)));
        Assert.DoesNotContain("mud-chip", later.Markup);
        Assert.Equal("moment", later.Find("span").GetAttribute("class"));

        var none = context.Render<DueBadge>(p => p.Add(b => b.Due, (DateTimeOffset?)null));
        Assert.Equal("—", none.Find("span").TextContent);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable
    public async Task DisposeAsync() => await context.DisposeAsync();
}
