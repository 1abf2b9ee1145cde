using System.Text.Json.Nodes;
using Decoupling.Activities.Descriptors;
using Decoupling.Activities.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Handlers;

/// <summary>certificate.void: on deregistration the certificate is voided and the register no longer shows one (R19).</summary>
public sealed class VoidCertificateHandler(IServiceScopeFactory scopes) : ActivityHandler(scopes)
{
    public override ActivityDescriptor Descriptor { get; } = new("certificate.void", "登记证书作废", "registration",
        "注销登记后作废协会商会的登记证书（含平台建立前的证书编号），登记库不再显示证书编号。")
    {
        Inputs =
        [
            new("associationId", "协会商会 ID", Required: true) { DefaultValue = "${associationId}" },
            new("reason", "作废原因") { DefaultValue = "注销登记" },
        ],
        Outputs = [new("voidedCertificates", "作废的证书编号")],
    };

    protected override async Task<JsonObject?> RunAsync(ActivityRun run, CancellationToken cancellationToken)
    {
        var voided = await run.Scope.Certificates.VoidAsync(run.RequiredGuid("associationId"), run.Text("reason") ?? "注销登记", cancellationToken);
        return new JsonObject { ["voidedCertificates"] = new JsonArray([.. voided.Select(c => (JsonNode)c.Number)]) };
    }
}
