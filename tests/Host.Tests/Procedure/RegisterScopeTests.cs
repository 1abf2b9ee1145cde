using Decoupling.Application.Errors;
using Decoupling.Application.People;
using Decoupling.Application.Register;
using Decoupling.Domain.Common;
using Decoupling.Domain.Register;

namespace Decoupling.Host.Tests.Procedure;

/// <summary>
/// R3 and R4 on the register page: the leading-group office puts an entry out of scope only with a reason (a history
/// row records it), lists each tie with an agency and ends them one by one; nobody else may, and every reader of the
/// entry sees its ties.
/// </summary>
public sealed class RegisterScopeTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>
{
    private readonly ScenarioPlatform platform = new(fixture.Factory);

    private T Get<T>() where T : notnull => fixture.Factory.Services.GetRequiredService<T>();

    private async Task<CaseActor> ActorAsync(string userName) => (await Get<ActorResolver>().ByUserNameAsync(userName))!;

    [Fact]
    public async Task The_office_exempts_an_entry_only_with_a_reason_and_the_history_says_so()
    {
        var (id, _, _) = await platform.FreshAssociationAsync("nyj");
        var office = await ActorAsync("leading");
        var operations = Get<RegisterScopeOperations>();

        var noReason = await Assert.ThrowsAsync<DomainException>(() => operations.SetScopeAsync(office, id, exempt: true, reason: " "));
        Assert.Contains("理由", noReason.Message, StringComparison.Ordinal);
        Assert.False((await platform.AssociationAsync(id)).Exempt);

        await operations.SetScopeAsync(office, id, exempt: true, reason: "已由市级主管部门统一脱钩");

        var after = await platform.AssociationAsync(id);
        Assert.True(after.Exempt);
        Assert.Equal("已由市级主管部门统一脱钩", after.ExemptReason);
        var history = await platform.HistoryAsync(id);
        Assert.Contains(history, c => c.Field == nameof(Association.Exempt) && c.NewValue == "True");
        Assert.Contains(history, c => c.Field == nameof(Association.ExemptReason) && c.NewValue == "已由市级主管部门统一脱钩");

        await operations.SetScopeAsync(office, id, exempt: false, reason: "ignored");
        Assert.Null((await platform.AssociationAsync(id)).ExemptReason);
    }

    [Theory]
    [InlineData("nyj")]
    [InlineData("registrar")]
    [InlineData("auditor")]
    public async Task Nobody_but_the_office_changes_scope_or_ties(string userName)
    {
        var (id, _, _) = await platform.FreshAssociationAsync("nyj");
        var actor = await ActorAsync(userName);
        var operations = Get<RegisterScopeOperations>();

        Assert.False(RegisterScopeOperations.MayEdit(actor));
        await Assert.ThrowsAsync<AppException>(() => operations.SetScopeAsync(actor, id, true, "理由"));
        await Assert.ThrowsAsync<AppException>(() => operations.AddRelationshipAsync(actor, id, RelationshipKind.Contact, "区农业局", false));
        Assert.False((await platform.AssociationAsync(id)).Exempt);
    }

    [Fact]
    public async Task Each_tie_is_listed_and_ended_one_by_one_and_its_unit_reads_them()
    {
        var (id, _, _) = await platform.FreshAssociationAsync("gsj");
        var office = await ActorAsync("leading");
        var operations = Get<RegisterScopeOperations>();
        var sponsor = await operations.AddRelationshipAsync(office, id, RelationshipKind.Sponsor, "区工商局", false);
        await operations.AddRelationshipAsync(office, id, RelationshipKind.Affiliation, "区个体劳动者协会服务中心", true);
        await Assert.ThrowsAsync<DomainException>(() => operations.AddRelationshipAsync(office, id, RelationshipKind.Contact, "  ", false));

        var ended = await operations.EndRelationshipAsync(office, sponsor.Id);

        Assert.NotNull(ended.EndedOn);
        Assert.Equal(office.Name, ended.EndedBy);
        var entry = await Get<RegisterQueries>().GetAsync(await ActorAsync("gsj"), id);
        Assert.Equal(2, entry.Relationships.Count);
        Assert.Single(entry.Relationships, r => r.EndedOn is null && r.Kind == RelationshipKind.Affiliation && r.SubordinateUnit);
        Assert.Equal(["主办", "挂靠"], entry.Relationships.Select(r => RelationshipNames.Display(r.Kind)).ToArray());
    }
}
