using System.Text.Json.Nodes;
using Decoupling.Application.Cases;
using Decoupling.Application.Errors;
using Decoupling.Application.People;
using Decoupling.Domain.Persistence;
using Decoupling.Engine;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Services;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Host.Tests.Procedure;

/// <summary>
/// 发起事项 (issue 12): the processes each role is offered are exactly those the published definitions name it a
/// candidate starter of; a role not named is refused through the application layer as through the API; and every
/// flow's start form, filled as the page fills it, starts a case on the real database.
/// </summary>
public sealed class StartableProcessesTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>
{
    private readonly ScenarioPlatform platform = new(fixture.Factory);

    private T Get<T>() where T : notnull => fixture.Factory.Services.GetRequiredService<T>();

    private async Task<CaseActor> ActorAsync(string userName) => (await Get<ActorResolver>().ByUserNameAsync(userName))!;

    public static TheoryData<string, string[]> Starters => new()
    {
        { "leading", ["audit-check", "decoupling", "evaluation", "registration", "regularization", "risk-report", "unit-summary"] },
        { "jxj", ["decoupling", "risk-report"] },
        { "czj", ["risk-report"] },
        { "auditor", ["risk-report"] },
        { "registrar", ["registration", "regularization", "risk-report"] },
        { "assoc.ceramics", ["registration", "risk-report"] },
        { "evaluator", [] },
        { "sysadmin", [] },
        { "secadmin", [] },
        { "auditadmin", [] },
    };

    [Theory]
    [MemberData(nameof(Starters))]
    public async Task Each_role_is_offered_exactly_the_processes_it_may_start(string userName, string[] expected)
    {
        var startable = await Get<StartableProcesses>().ListAsync(await ActorAsync(userName));

        Assert.Equal(expected, startable.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray());
        Assert.All(startable, p => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}", p.Name));
    }

    [Theory]
    [InlineData("czj", "evaluation")]
    [InlineData("jxj", "unit-summary")]
    [InlineData("assoc.ceramics", "decoupling")]
    [InlineData("evaluator", "risk-report")]
    [InlineData("sysadmin", "decoupling")]
    [InlineData("registrar", "audit-check")]
    public async Task A_role_that_is_no_starter_is_refused_the_form_and_the_start(string userName, string key)
    {
        var actor = await ActorAsync(userName);
        var before = (await platform.Engine.ListInstancesAsync(key, take: 10_000)).Count;
        var ceramics = await AssociationIdAsync("临沂市罗庄区陶瓷行业协会");

        var form = await Assert.ThrowsAsync<EngineException>(() => Get<StartableProcesses>().FormAsync(actor, key));
        Assert.Equal("ENGINE_START_FORBIDDEN", form.Code);
        var start = await Assert.ThrowsAsync<EngineException>(() => Get<CaseStarter>().StartAsync(actor, key, ceramics.ToString(), new JsonObject()));
        Assert.Equal("ENGINE_START_FORBIDDEN", start.Code);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", start.Message);
        Assert.Equal(before, (await platform.Engine.ListInstancesAsync(key, take: 10_000)).Count);
    }

    [Fact]
    public async Task A_unit_is_offered_only_its_own_associations_and_an_association_only_itself()
    {
        var startable = Get<StartableProcesses>();
        var jxj = await ActorAsync("jxj");
        var subjects = await startable.SubjectsAsync(jxj, "decoupling", null);
        Assert.NotEmpty(subjects);
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var own = await db.Associations.Where(a => a.SupervisoryUnitId == jxj.Department!.Id).Select(a => a.Id).ToListAsync();
            Assert.All(subjects, s => Assert.Contains(Guid.Parse(s.Key), own));
        }

        var staff = await ActorAsync("assoc.ceramics");
        var report = await startable.FormAsync(staff, "risk-report");
        Assert.True(report.SubjectFixed);
        Assert.Equal("临沂市罗庄区陶瓷行业协会", report.DefaultSubject!.Name);
        Assert.Equal(["临沂市罗庄区陶瓷行业协会"], (await startable.SubjectsAsync(staff, "registration", null)).Select(s => s.Name).ToArray());
        var other = subjects[0].Key;
        Assert.Null(await startable.FindSubjectAsync(staff, "registration", other));

        var leading = await ActorAsync("leading");
        var units = await startable.SubjectsAsync(leading, "unit-summary", null);
        Assert.Contains(units, u => u.Key == "jxj");
        Assert.Null(await startable.FindSubjectAsync(leading, "unit-summary", "czj"));
        Assert.Null((await startable.FormAsync(leading, "evaluation")).SubjectLabel);
    }

    [Fact]
    public async Task A_start_form_missing_a_required_field_is_refused_naming_the_field_in_Chinese()
    {
        var reviewer = await ActorAsync("czj");
        var refused = await Assert.ThrowsAsync<EngineException>(() =>
            Get<CaseStarter>().StartAsync(reviewer, "risk-report", null, new JsonObject { ["severity"] = "normal", ["description"] = "财政资金拨付情况需要报告。" }));

        Assert.Equal("title", refused.Field);
        Assert.Contains("标题", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deregistration_must_name_its_association_and_a_founding_may_name_none()
    {
        var registrar = await ActorAsync("registrar");
        var starter = Get<CaseStarter>();
        var before = (await platform.Engine.ListInstancesAsync("registration", take: 10_000)).Count;

        var closing = await Assert.ThrowsAsync<AppException>(() =>
            starter.StartAsync(registrar, "registration", null, new JsonObject { ["mode"] = "deregister", ["deregisterReason"] = "决议解散" }));
        Assert.Equal("CASE_SUBJECT_REQUIRED", closing.Code);
        Assert.Equal("businessKey", closing.Field);
        var ceramics = await AssociationIdAsync("临沂市罗庄区陶瓷行业协会");
        var founding = await Assert.ThrowsAsync<AppException>(() =>
            starter.StartAsync(registrar, "registration", ceramics.ToString(), new JsonObject { ["mode"] = "new", ["proposedName"] = "临沂市罗庄区某某协会" }));
        Assert.Equal("FOUNDING_NAMES_NO_ASSOCIATION", founding.Code);
        Assert.Contains("临沂市罗庄区陶瓷行业协会", founding.Message, StringComparison.Ordinal);

        Assert.Equal(before, (await platform.Engine.ListInstancesAsync("registration", take: 10_000)).Count);
    }

    public static TheoryData<string, string, string?, string> EveryFlow => new()
    {
        // process, starter, subject (an association's name, a unit's code, or none), start form as JSON
        { "decoupling", "jxj", "fresh:jxj", """{"startNote":"按区领导小组部署启动"}""" },
        { "risk-report", "assoc.ceramics", null, """{"title":"会费收取争议","severity":"serious","description":"部分会员对会费标准提出异议，需协调。","proposal":"请主管单位协调"}""" },
        { "risk-report", "czj", null, """{"title":"财政拨款未停止","severity":"normal","description":"某协会仍在领取财政拨款，需要处理。"}""" },
        { "registration", "registrar", null, """{"mode":"new","channel":"desk","proposedName":"临沂市罗庄区新材料行业协会","proposedAddress":"罗庄街道","proposedLegalRepresentative":"王强","proposedBusinessScope":"行业服务","proposedIndustry":"新材料"}""" },
        { "registration", "assoc.ceramics", "临沂市罗庄区陶瓷行业协会", """{"mode":"deregister","channel":"online","deregisterReason":"会员大会决议解散"}""" },
        { "regularization", "registrar", "fresh:swj", "{}" },
        { "audit-check", "leading", "fresh:zjj", "{}" },
        { "unit-summary", "leading", "unit:spj", """{"orderNote":"请于月底前报送"}""" },
        { "evaluation", "leading", null, """{"orderNote":"按省评估指标"}""" },
    };

    [Theory]
    [MemberData(nameof(EveryFlow))]
    public async Task Every_flow_starts_from_its_published_start_form_through_the_application_layer(string key, string starter, string? subject, string form)
    {
        var actor = await ActorAsync(starter);
        var startable = Get<StartableProcesses>();
        var start = await startable.FormAsync(actor, key);
        var values = JsonNode.Parse(form)!.AsObject();
        Assert.All(values.Select(v => v.Key), id => Assert.Contains(start.Fields, f => f.Id == id));
        Assert.All(start.Fields, f => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", f.Label));

        var businessKey = subject switch
        {
            null => start.DefaultSubject?.Key,
            _ when subject.StartsWith("fresh:", StringComparison.Ordinal) => (await platform.FreshAssociationAsync(subject[6..])).Id.ToString(),
            _ when subject.StartsWith("unit:", StringComparison.Ordinal) => subject[5..],
            _ => (await AssociationIdAsync(subject)).ToString(),
        };
        if (start.SubjectRequired)
        {
            Assert.NotNull(await startable.FindSubjectAsync(actor, key, businessKey));
        }

        var instance = await Get<CaseStarter>().StartAsync(actor, key, businessKey, values);

        Assert.NotEqual(InstanceState.Terminated, (await platform.Engine.GetInstanceAsync(instance.Id))!.State);
        Assert.Empty(await platform.Engine.OpenIncidentsAsync(instance.Id));
        Assert.True(await platform.Engine.MaySeeInstanceAsync(instance.Id, actor.Actor), "the starter follows the case it started");
        var variables = await platform.Engine.GetVariablesAsync(instance.Id);
        Assert.All(values, v => Assert.Equal(v.Value!.ToJsonString(), variables[v.Key]?.ToJsonString()));
    }

    private async Task<Guid> AssociationIdAsync(string name)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Associations.Where(a => a.Name == name).Select(a => a.Id).SingleAsync();
    }
}
