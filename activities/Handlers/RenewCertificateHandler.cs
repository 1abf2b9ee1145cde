using System.Text.Json.Nodes;
using Decoupling.Activities.Descriptors;
using Decoupling.Activities.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Handlers;

/// <summary>certificate.renew: voids the association's current certificate and issues a new number (换证).</summary>
public sealed class RenewCertificateHandler(IServiceScopeFactory scopes) : ActivityHandler(scopes)
{
    public override ActivityDescriptor Descriptor { get; } = new("certificate.renew", "换发登记证书", "registration",
        "作废协会商会现有登记证书，换发载有统一社会信用代码的新证书（新证书编号），登记库同步更新证书编号。新成立的协会商会直接发证。")
    {
        Inputs =
        [
            new("associationId", "协会商会 ID", Required: true) { DefaultValue = "${associationId}" },
            new("reason", "换证原因") { DefaultValue = "脱钩变更登记" },
        ],
        Outputs = [new("certificateNumber", "新证书编号"), new("previousCertificateNumber", "原证书编号")],
    };

    protected override async Task<JsonObject?> RunAsync(ActivityRun run, CancellationToken cancellationToken)
    {
        var id = run.RequiredGuid("associationId");
        var previous = (await run.Scope.Register.GetAsync(id, cancellationToken)).CertificateNumber;
        var renewed = await run.Scope.Certificates.RenewAsync(id, run.Text("reason") ?? "换证", cancellationToken);
        return new JsonObject { ["certificateNumber"] = renewed.Number, ["previousCertificateNumber"] = previous };
    }
}
