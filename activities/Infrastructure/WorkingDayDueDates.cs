using System.Globalization;
using Decoupling.Domain.Calendar;
using Decoupling.Engine.Model;
using Decoupling.Engine.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Infrastructure;

/// <summary>
/// Time limits in working days on the district's holiday calendar (R26): a user task with
/// <c>camunda:property timeLimitWorkingDays="5"</c> is due at the end of the fifth working day after it arrives
/// (Beijing time; the day of arrival does not count), read from the calendar as the step commits.
/// </summary>
public sealed class WorkingDayDueDates(IServiceScopeFactory scopes) : IDueDateCalculator
{
    public const string Property = "timeLimitWorkingDays";

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public async Task<DateTimeOffset?> DueAtAsync(FlowNode node, DateTimeOffset now, object? transaction, CancellationToken cancellationToken)
    {
        if (!int.TryParse(node.Properties.GetValueOrDefault(Property), NumberStyles.None, CultureInfo.InvariantCulture, out var days))
        {
            return null;
        }

        await using var scope = ActivityScope.Open(scopes, transaction, "system");
        var calendar = await WorkingDayCalendar.LoadAsync(scope.Db, cancellationToken);
        var today = DateOnly.FromDateTime(now.ToOffset(Beijing).DateTime);
        var due = calendar.Add(today, days);
        return new DateTimeOffset(due.ToDateTime(new TimeOnly(23, 59, 59)), Beijing);
    }
}
