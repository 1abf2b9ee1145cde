using Microsoft.EntityFrameworkCore;
using System.Globalization;
using System.Text.Json.Nodes;
using Decoupling.Activities.Descriptors;
using Decoupling.Activities.Infrastructure;
using Decoupling.Domain.Register;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Handlers;

/// <summary>
/// registration.apply-change: writes the register after the back office approved. change = the supervisory unit is
/// removed and the approved new fields applied; deregister = the register entry is closed (注销); new = a newly founded
/// association is entered without a supervisory unit. Every changed field gets a history row (RegisterService).
/// </summary>
public sealed class ApplyRegistrationChangeHandler(IServiceScopeFactory scopes) : ActivityHandler(scopes)
{
    public override ActivityDescriptor Descriptor { get; } = new("registration.apply-change", "变更登记入库", "registration",
        "登记审批通过后更新登记库：变更登记（取消业务主管单位、写入新登记事项）、注销登记（关闭登记）、成立登记（新协会直接登记，无业务主管单位）。每个变更字段写入变更历史。")
    {
        Inputs =
        [
            new("mode", "登记类型", InputType.Dropdown, Required: true)
            {
                Choices = [new("change", "变更登记"), new("deregister", "注销登记"), new("new", "成立登记"), new("supplement", "补办登记（规范清理）")],
            },
            new("associationId", "协会商会 ID") { DefaultValue = "${associationId}", Description = "变更、注销必填" },
            new("changes", "新登记事项（JSON）", InputType.Text) { DefaultValue = "${changes}", Description = "如 {\"address\":\"…\",\"legalRepresentative\":\"…\"}；成立登记时为全部登记事项" },
            new("removeSupervisoryUnit", "取消业务主管单位", InputType.Boolean) { DefaultValue = "true" },
            new("outcome", "脱钩结果", InputType.Dropdown)
            {
                Choices = [new("", "不变"), new("Decoupled", "已脱钩"), new("Deregistered", "已注销"), new("Revoked", "已撤销登记"), new("SetAside", "暂缓脱钩")],
            },
            new("reason", "原因", InputType.Text),
        ],
        Outputs = [new("associationId", "协会商会 ID"), new("changedFields", "变更字段")],
    };

    protected override async Task<JsonObject?> RunAsync(ActivityRun run, CancellationToken cancellationToken)
    {
        var mode = run.RequiredText("mode");
        var changes = run.Json("changes") as JsonObject ?? [];
        if (mode == "new")
        {
            // a new association gets its unified social credit code on registration (R20): no supervisory unit, no decoupling
            var fields = Apply(new AssociationFields { Status = RegistrationStatus.RegisteredCivilAffairs, Outcome = DecouplingOutcome.None, FoundedOn = run.Today }, changes);
            if (string.IsNullOrWhiteSpace(fields.Name))
            {
                throw new ActivityInputException(Topic, "changes", "成立登记须有拟登记名称");
            }

            fields = fields with
            {
                SupervisoryUnitId = null,
                CreditCode = string.IsNullOrWhiteSpace(fields.CreditCode)
                    ? await CreditCodeGenerator.NextFreeAsync(run.Scope.Db, run.Context.IdempotencyKey, cancellationToken)
                    : fields.CreditCode,
                Exempt = true,
                ExemptReason = "新成立，无业务主管单位，不涉及脱钩",
            };
            var created = await run.Scope.Register.CreateAsync(fields, cancellationToken);
            // the founding matter was received before the entry existed: from now on it is the new association's
            if (Guid.TryParse(run.Context.Variables["matterId"]?.ToString(), out var matterId)
                && await run.Scope.Db.Matters.FirstOrDefaultAsync(m => m.Id == matterId && m.AssociationId == null, cancellationToken) is { } matter)
            {
                matter.AssociationId = created.Id;
                await run.Scope.Db.SaveChangesAsync(cancellationToken);
            }

            return new JsonObject { ["associationId"] = created.Id.ToString(), ["changedFields"] = new JsonArray() };
        }

        if (mode == "supplement")
        {
            // 规范清理·补办登记: a body registered elsewhere or not at all is registered with civil affairs (R2)
            var entry = await run.Scope.Register.GetAsync(run.RequiredGuid("associationId"), cancellationToken);
            var fields = Apply(AssociationFields.From(entry), changes) with
            {
                Status = RegistrationStatus.RegisteredCivilAffairs,
                CreditCode = string.IsNullOrWhiteSpace(entry.CreditCode)
                    ? await CreditCodeGenerator.NextFreeAsync(run.Scope.Db, run.Context.IdempotencyKey, cancellationToken)
                    : entry.CreditCode,
            };
            await run.Scope.Register.UpdateAsync(entry.Id, fields, entry.ConcurrencyStamp, cancellationToken);
            return new JsonObject { ["associationId"] = entry.Id.ToString(), ["changedFields"] = new JsonArray("Status") };
        }

        var id = run.RequiredGuid("associationId");
        var before = await run.Scope.Register.GetAsync(id, cancellationToken);
        var after = Apply(AssociationFields.From(before), changes);
        if (mode == "change" && run.Flag("removeSupervisoryUnit"))
        {
            after = after with { SupervisoryUnitId = null };
        }

        var outcome = run.Text("outcome");
        if (mode == "deregister")
        {
            outcome ??= nameof(DecouplingOutcome.Deregistered);
        }

        if (outcome is not null)
        {
            after = after with { Outcome = Enum.Parse<DecouplingOutcome>(outcome), OutcomeReason = run.Text("reason") ?? after.OutcomeReason };
        }

        var original = AssociationFields.From(before);
        await run.Scope.Register.UpdateAsync(id, after, before.ConcurrencyStamp, cancellationToken);
        if (mode == "change" && run.Flag("removeSupervisoryUnit"))
        {
            // every tie with the agency and its subordinate units ends the day the change is approved (R4)
            await run.Scope.Relationships.EndAllAsync(id, run.Today, SourceOf(run.Context), cancellationToken);
        }
        var changed = typeof(AssociationFields).GetProperties().Where(p => !Equals(p.GetValue(original), p.GetValue(after))).Select(p => p.Name);
        return new JsonObject { ["associationId"] = id.ToString(), ["changedFields"] = new JsonArray([.. changed.Select(f => (JsonNode)f)]) };
    }

    /// <summary>Applies the JSON fields named like <see cref="AssociationFields"/> properties (camelCase or PascalCase).</summary>
    public static AssociationFields Apply(AssociationFields fields, JsonObject changes)
    {
        foreach (var (name, value) in changes)
        {
            var text = value switch
            {
                null => null,
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                _ => value.ToJsonString(),
            };
            fields = name.ToLowerInvariant() switch
            {
                "name" => fields with { Name = text ?? fields.Name },
                "creditcode" => fields with { CreditCode = text },
                "address" => fields with { Address = text },
                "legalrepresentative" => fields with { LegalRepresentative = text },
                "businessscope" => fields with { BusinessScope = text },
                "membercount" => fields with { MemberCount = Int(text) },
                "fulltimestaff" => fields with { FullTimeStaff = Int(text) },
                "assetstenthousandyuan" => fields with { AssetsTenThousandYuan = Dec(text) },
                "officespacesquaremetres" => fields with { OfficeSpaceSquareMetres = Dec(text) },
                "fiscalappropriationtenthousandyuan" => fields with { FiscalAppropriationTenThousandYuan = Dec(text) },
                "partyorganisation" => fields with { PartyOrganisation = text },
                "servingofficialsholdingposts" => fields with { ServingOfficialsHoldingPosts = Int(text) ?? 0 },
                "retiredofficialsholdingposts" => fields with { RetiredOfficialsHoldingPosts = Int(text) ?? 0 },
                "industry" => fields with { Industry = text },
                "foundedon" => fields with { FoundedOn = text is null ? null : DateOnly.Parse(text, CultureInfo.InvariantCulture) },
                _ => fields,
            };
        }

        return fields;
    }

    private static int? Int(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;

    private static decimal? Dec(string? text) => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
}
