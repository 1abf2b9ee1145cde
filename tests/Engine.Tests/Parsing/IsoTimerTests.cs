using Decoupling.Engine.Parsing;

namespace Decoupling.Engine.Tests.Parsing;

public class IsoTimerTests
{
    private static readonly DateTimeOffset Jan31 = new(2025, 1, 31, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("P3D", 0, 0, 3, 0)]
    [InlineData("PT1H30M", 0, 0, 0, 5400)]
    [InlineData("PT1H", 0, 0, 0, 3600)]
    [InlineData("P1DT2H", 0, 0, 1, 7200)]
    [InlineData("P2W", 0, 0, 14, 0)]
    [InlineData("P1Y2M3DT4H5M6S", 1, 2, 3, 14706)]
    [InlineData("PT0.5S", 0, 0, 0, 0.5)]
    [InlineData(" PT10M ", 0, 0, 0, 600)]
    public void Valid_durations_keep_their_calendar_parts(string text, int years, int months, int days, double seconds)
    {
        Assert.True(IsoTimer.TryParseDuration(text, out var duration));
        Assert.Equal(new IsoDuration(years, months, days, TimeSpan.FromSeconds(seconds)), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("3D")]
    [InlineData("P3")]
    [InlineData("PD")]
    [InlineData("P1H")]
    [InlineData("PT1D")]
    [InlineData("P1D2Y")]
    [InlineData("PT30M1H")]
    [InlineData("P-1D")]
    [InlineData("P1.5D")]
    [InlineData("p3d")]
    [InlineData("P3DT1H2H")]
    [InlineData("P99999999999D")]
    [InlineData("three days")]
    public void Invalid_durations_are_refused(string text)
    {
        Assert.False(IsoTimer.TryParseDuration(text, out _));
    }

    [Fact]
    public void One_month_after_january_31_is_the_end_of_february()
    {
        Assert.True(IsoTimer.TryParseDuration("P1M", out var month));
        Assert.Equal(new DateTimeOffset(2025, 2, 28, 9, 0, 0, TimeSpan.FromHours(8)), month.AddTo(Jan31));
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 9, 0, 0, TimeSpan.FromHours(8)), month.AddTo(Jan31.AddYears(-1)));
    }

    [Fact]
    public void A_year_is_a_calendar_year_not_365_days()
    {
        Assert.True(IsoTimer.TryParseDuration("P1Y", out var year));
        var leapDay = new DateTimeOffset(2024, 2, 29, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2025, 2, 28, 0, 0, 0, TimeSpan.Zero), year.AddTo(leapDay));
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), year.AddTo(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Durations_print_back_as_iso_text()
    {
        Assert.True(IsoTimer.TryParseDuration("P1Y2M3DT4H5M6.5S", out var duration));
        Assert.Equal("P1Y2M3DT4H5M6.5S", duration.ToString());
        Assert.Equal("PT0S", default(IsoDuration).ToString());
    }

    [Fact]
    public void A_cycle_with_a_count_gives_repetitions_and_interval()
    {
        Assert.True(IsoTimer.TryParseCycle("R3/PT1H", out var repetitions, out var interval));
        Assert.Equal(3, repetitions);
        Assert.Equal(new IsoDuration(0, 0, 0, TimeSpan.FromHours(1)), interval);
    }

    [Fact]
    public void A_cycle_without_a_count_repeats_without_end()
    {
        Assert.True(IsoTimer.TryParseCycle("R/P1D", out var repetitions, out var interval));
        Assert.Null(repetitions);
        Assert.Equal(new IsoDuration(0, 0, 1, TimeSpan.Zero), interval);
    }

    [Fact]
    public void A_cycle_with_a_start_date_is_read_only_by_the_overload_with_start()
    {
        const string text = "R5/2025-01-31T09:00:00+08:00/P1D";
        Assert.False(IsoTimer.TryParseCycle(text, out _, out _));
        Assert.True(IsoTimer.TryParseCycle(text, out var repetitions, out var start, out var interval));
        Assert.Equal((5, Jan31, 1), (repetitions!.Value, start!.Value, interval.Days));
    }

    [Theory]
    [InlineData("R3")]
    [InlineData("R0/PT1H")]
    [InlineData("R-1/PT1H")]
    [InlineData("Rx/PT1H")]
    [InlineData("R3/PT0S")]
    [InlineData("R3/1H")]
    [InlineData("PT1H")]
    [InlineData("R3/PT1H/PT1H")]
    [InlineData("0 0 9 * * ?")]
    public void Invalid_cycles_are_refused(string text)
    {
        Assert.False(IsoTimer.TryParseCycle(text, out _, out _, out _));
    }

    [Theory]
    [InlineData("2025-01-31T09:00:00+08:00", 2025, 1, 31, 9, 0, 8)]
    [InlineData("2025-01-31T01:00:00Z", 2025, 1, 31, 1, 0, 0)]
    [InlineData("2025-01-31T09:30", 2025, 1, 31, 9, 30, 8)]
    [InlineData("2025-01-31", 2025, 1, 31, 0, 0, 8)]
    public void Dates_are_read_with_their_offset_or_in_the_given_zone(string text, int y, int mo, int d, int h, int mi, int offsetHours)
    {
        var china = TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8");
        Assert.True(IsoTimer.TryParseDate(text, china, out var date));
        Assert.Equal(new DateTimeOffset(y, mo, d, h, mi, 0, TimeSpan.FromHours(offsetHours)), date);
    }

    [Theory]
    [InlineData("2025-02-30T09:00:00")]
    [InlineData("2025-1-31")]
    [InlineData("31.01.2025")]
    [InlineData("2025-01-31T25:00:00")]
    [InlineData("2025-01-31 09:00:00")]
    [InlineData("2025-01-31T09:00:00+0800")]
    [InlineData("tomorrow")]
    public void Invalid_dates_are_refused(string text)
    {
        Assert.False(IsoTimer.TryParseDate(text, out _));
    }

    [Theory]
    [InlineData("${dueDate}", true)]
    [InlineData("#{later}", true)]
    [InlineData("P3D", false)]
    public void Expressions_are_recognised_and_left_to_the_runtime(string text, bool expected)
    {
        Assert.Equal(expected, IsoTimer.IsExpression(text));
    }
}
