using System.Text.Json.Nodes;
using Decoupling.Application.Access;
using Decoupling.Application.Errors;
using Decoupling.Application.Infrastructure;
using Decoupling.Application.People;
using Decoupling.Domain.Departments;
using Decoupling.Domain.Identity;
using Decoupling.Domain.Register;
using Decoupling.Engine;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Errors;
using Decoupling.Engine.Model;
using Decoupling.Engine.Runtime;
using Decoupling.Engine.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Application.Cases;

/// <summary>
/// Starts a case. The client names the process and the business key (and fills the start form); the case's facts —
/// the association's name, credit code, supervisory unit; the unit; the reporter — are read here from the register,
/// never taken from the client. A unit starts only its own associations' and its own unit's cases; the process's
/// candidate starters are checked by the engine; one open case per subject and process.
/// </summary>
public sealed class CaseStarter(WorkflowEngine engine, IServiceScopeFactory scopes, Engine.Access.IAccessPolicy policy)
{
    /// <summary>The registration window's department code (前台综合受理).</summary>
    public const string RegistrationWindow = "djck";

    /// <summary>The registration flow's start-form value of a founding registration (成立登记).</summary>
    public const string FoundingMode = "new";

    /// <summary>
    /// Starts a case on the platform's own initiative (a unit's summary when its associations are done, an audit draw):
    /// facts from the register, no person's form. Nothing is started twice for the same subject while one is open.
    /// </summary>
    public async Task<ProcessInstance?> StartForPlatformAsync(string key, string businessKey, JsonObject facts, CancellationToken cancellationToken = default)
    {
        if ((await engine.ListInstancesAsync(key, businessKey, InstanceState.Active, take: 1, cancellationToken: cancellationToken)).Count > 0)
        {
            return null;
        }

        return await engine.StartAsync(new StartRequest(key) { BusinessKey = businessKey, CaseFacts = facts }, Actor.System, cancellationToken);
    }

    public async Task<ProcessInstance> StartAsync(CaseActor actor, string key, string? businessKey, JsonObject? formVariables,
        CancellationToken cancellationToken = default, int? version = null)
    {
        var process = await engine.LatestProcessAsync(key, cancellationToken) ?? throw new EngineException(EngineErrors.DefinitionKeyNotFound, key);
        var processName = process.Name ?? key;
        if (!policy.MayStart(process, actor.Actor))
        {
            // asked before the register is read, so a non-starter learns nothing about the subject it named
            throw new EngineException(EngineErrors.StartForbidden, processName);
        }

        var subject = process.Properties.GetValueOrDefault(CaseSubjects.Property);
        JsonObject facts;
        string? key2;
        await using (var scope = UseCaseScope.Open(scopes, actor.UserName))
        {
            (key2, facts) = subject switch
            {
                CaseSubjects.Association => await AssociationFactsAsync(scope, actor, processName, businessKey, required: true, registration: false, cancellationToken,
                    closedBy: process.Properties.GetValueOrDefault(CaseSubjects.ClosedByOutcomesProperty)),
                CaseSubjects.Registration => await RegistrationFactsAsync(scope, actor, process, processName, businessKey, formVariables, cancellationToken),
                CaseSubjects.Unit => await UnitFactsAsync(scope, actor, processName, businessKey, cancellationToken),
                CaseSubjects.District => (CaseSubjects.DistrictKey, new JsonObject()),
                CaseSubjects.Report => await ReporterFactsAsync(scope, actor, businessKey, cancellationToken),
                null => throw new EngineException(EngineErrors.StartForbidden, processName),
                _ => throw new AppException(AppErrors.CaseSubjectUnknown, processName, subject),
            };
        }

        if (key2 is not null && subject is CaseSubjects.Association or CaseSubjects.Unit or CaseSubjects.District or CaseSubjects.Registration
            && (await engine.ListInstancesAsync(key, key2, InstanceState.Active, take: 1, cancellationToken: cancellationToken)).Count > 0)
        {
            throw new AppException(AppErrors.CaseAlreadyOpen, facts["associationName"]?.GetValue<string>() ?? facts["supervisoryUnitName"]?.GetValue<string>() ?? key2, processName);
        }

        return await engine.StartAsync(new StartRequest(key) { BusinessKey = key2, FormVariables = formVariables, CaseFacts = facts, Version = version }, actor.Actor, cancellationToken);
    }

    private static async Task<(string?, JsonObject)> AssociationFactsAsync(UseCaseScope scope, CaseActor actor, string processName, string? businessKey,
        bool required, bool registration, CancellationToken cancellationToken, string? closedBy = null)
    {
        if (string.IsNullOrWhiteSpace(businessKey))
        {
            // a founding registration has no association yet: the window acts for the applicant (全程代办)
            return required ? throw new AppException(AppErrors.CaseSubjectRequired, processName, "协会商会") { Field = "businessKey" }
                : (null, new JsonObject { ["applicantGroup"] = CaseActor.DepartmentGroupPrefix + RegistrationWindow });
        }

        var access = AssociationAccess.Of(actor);
        var association = Guid.TryParse(businessKey, out var id) ? await access.FindAsync(scope.Db, id, cancellationToken) : null;

        // a unit reads the associations that left it by decoupling, but acts only for those it supervises now
        if (association is null || !access.Covers(association))
        {
            throw new AppException(AppErrors.CaseSubjectNotFound, "协会商会", businessKey) { Field = "businessKey" };
        }

        if (closedBy?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(association.Outcome.ToString(), StringComparer.Ordinal) == true)
        {
            throw new AppException(AppErrors.CaseSubjectConcluded, association.Name, RegisterLabels.Display(association.Outcome), processName) { Field = "businessKey" };
        }

        var facts = await FactsOfAsync(scope, association, cancellationToken);
        if (registration)
        {
            // a registration applicant's follow-up tasks (补正) go to the association itself
            facts["applicantGroup"] = CaseActor.AssociationGroupPrefix + association.Id;
        }

        return (association.Id.ToString(), facts);
    }

    /// <summary>
    /// A registration is a founding (<c>mode</c> <see cref="FoundingMode"/>: no association yet, none may be named) or a
    /// matter of an existing association (deregistration and the rest: the association must be named), so a
    /// deregistration can never start without the entry it closes.
    /// </summary>
    private static async Task<(string?, JsonObject)> RegistrationFactsAsync(UseCaseScope scope, CaseActor actor, ProcessDefinition process, string processName,
        string? businessKey, JsonObject? formVariables, CancellationToken cancellationToken)
    {
        // only a mode the start form declares decides; any other value is the engine's to refuse, naming the field
        var declared = process.NoneStartOf(null)?.Form?.Fields.FirstOrDefault(f => f.Id == "mode")?.Values.Select(v => v.Id).ToHashSet() ?? [];
        var mode = formVariables?["mode"] is JsonValue m && m.TryGetValue<string>(out var text) && declared.Contains(text) ? text : null;
        if (mode == FoundingMode && !string.IsNullOrWhiteSpace(businessKey))
        {
            var named = Guid.TryParse(businessKey, out var id) ? await AssociationAccess.Of(actor).FindAsync(scope.Db, id, cancellationToken) : null;
            throw new AppException(AppErrors.FoundingNamesNoAssociation, named?.Name ?? businessKey) { Field = "businessKey" };
        }

        return await AssociationFactsAsync(scope, actor, processName, businessKey, required: mode is not null && mode != FoundingMode, registration: true, cancellationToken);
    }

    /// <summary>An association's facts as the register holds them now.</summary>
    public static async Task<JsonObject> FactsOfAsync(UseCaseScope scope, Association association, CancellationToken cancellationToken)
    {
        // after decoupling the association has no unit; the audit of its separation still goes to the unit it left
        var unitId = await FormerUnits.CurrentOrFormerAsync(scope.Db, association, cancellationToken);
        var unit = unitId is { } u ? await scope.Db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == u, cancellationToken) : null;
        return new JsonObject
        {
            ["associationId"] = association.Id.ToString(),
            ["associationName"] = association.Name,
            ["creditCode"] = association.CreditCode,
            ["supervisoryUnitCode"] = unit?.Code,
            ["supervisoryUnitName"] = unit?.Name,
        };
    }

    private static async Task<(string?, JsonObject)> UnitFactsAsync(UseCaseScope scope, CaseActor actor, string processName, string? businessKey, CancellationToken cancellationToken)
    {
        var code = string.IsNullOrWhiteSpace(businessKey) ? actor.Department?.Code : businessKey;
        if (code is null)
        {
            throw new AppException(AppErrors.CaseSubjectRequired, processName, "业务主管单位") { Field = "businessKey" };
        }

        var unit = await scope.Get<DepartmentDirectory>().FindByCodeAsync(code, cancellationToken);
        var mayStart = actor.IsLeadership || (actor.IsIn(PlatformRoles.SupervisoryUnit) && actor.Department?.Code == code);
        if (unit is null || unit.Kind != DepartmentKind.SupervisoryUnit || !mayStart)
        {
            throw new AppException(AppErrors.CaseSubjectNotFound, "业务主管单位", code) { Field = "businessKey" };
        }

        return (unit.Code, new JsonObject { ["supervisoryUnitCode"] = unit.Code, ["supervisoryUnitName"] = unit.Name });
    }

    private static async Task<(string?, JsonObject)> ReporterFactsAsync(UseCaseScope scope, CaseActor actor, string? businessKey, CancellationToken cancellationToken)
    {
        var facts = new JsonObject
        {
            ["reporter"] = actor.UserName,
            ["reporterName"] = actor.Name,
            ["reporterUnit"] = actor.Department?.Name ?? actor.Association?.Name,
        };
        var concerned = actor.Association?.Id.ToString() ?? businessKey;
        if (!string.IsNullOrWhiteSpace(concerned))
        {
            var association = Guid.TryParse(concerned, out var id) ? await AssociationAccess.Of(actor).FindAsync(scope.Db, id, cancellationToken) : null;
            if (association is null)
            {
                throw new AppException(AppErrors.CaseSubjectNotFound, "协会商会", concerned) { Field = "businessKey" };
            }

            facts["associationId"] = association.Id.ToString();
            facts["associationName"] = association.Name;
            return (association.Id.ToString(), facts);
        }

        return (null, facts);
    }
}
