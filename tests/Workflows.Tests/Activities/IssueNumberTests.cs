using System.Text.Json.Nodes;
using Decoupling.Activities.Handlers;
using Decoupling.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Workflows.Tests.Activities;

/// <summary>Review document numbers on PostgreSQL: unique and gap-free under concurrency, once per activation.</summary>
public sealed class IssueNumberTests(PostgresActivityFixture fixture) : IClassFixture<PostgresActivityFixture>
{
    [Fact]
    public async Task Parallel_tasks_get_consecutive_numbers_and_a_repeated_activation_gets_its_first_number()
    {
        var handler = fixture.Handler<IssueNumberHandler>();
        var repeated = Guid.NewGuid();
        var runs = Enumerable.Range(0, 16).Select(i => Task.Run(() => handler.ExecuteAsync(
                PostgresActivityFixture.Context(handler.Topic, new JsonObject { ["departmentCode"] = "bb", ["subject"] = $"事项{i}" }), default)))
            .Concat(Enumerable.Range(0, 3).Select(_ => Task.Run(() => handler.ExecuteAsync(
                PostgresActivityFixture.Context(handler.Topic, new JsonObject { ["departmentCode"] = "bb" }, repeated), default))))
            .ToList();

        var results = await Task.WhenAll(runs);

        var numbers = results.Select(r => r!["documentNumber"]!.GetValue<string>()).ToList();
        Assert.Single(numbers.Skip(16).Distinct());
        var distinct = numbers.Distinct().ToList();
        Assert.Equal(17, distinct.Count);
        Assert.Equal(Enumerable.Range(1, 17).Select(i => $"罗编审〔2026〕{i}号").Order(), distinct.Order());
        using var scope = fixture.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.Equal(17, await db.IssuedDocumentNumbers.CountAsync(n => n.DepartmentCode == "bb"));
        Assert.Equal(17, (await db.DocumentNumberCounters.SingleAsync(c => c.DepartmentCode == "bb" && c.Year == 2026)).LastSequence);
    }

    [Fact]
    public async Task A_department_without_a_prefix_is_refused_without_using_a_number()
    {
        var handler = fixture.Handler<IssueNumberHandler>();
        await Assert.ThrowsAnyAsync<Exception>(() => handler.ExecuteAsync(
            PostgresActivityFixture.Context(handler.Topic, new JsonObject { ["departmentCode"] = "dsf" }), default));
        using var scope = fixture.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.False(await db.DocumentNumberCounters.AnyAsync(c => c.DepartmentCode == "dsf"));
    }
}
