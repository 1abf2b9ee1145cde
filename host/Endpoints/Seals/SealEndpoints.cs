using Decoupling.Domain.Documents;
using Decoupling.Domain.Seals;
using Decoupling.Host.Security;

namespace Decoupling.Host.Endpoints.Seals;

/// <summary>
/// Electronic seals for anyone signed in: the trust list of unit public keys (to check seals offline with
/// <c>verify FILE --keys</c>), and the check of an uploaded .docx's embedded seals against it — the same check as the
/// command line, so a document received by mail can be verified without finding it in the platform.
/// </summary>
public static class SealEndpoints
{
    public static IEndpointRouteBuilder MapSealEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var seals = endpoints.MapGroup("/api/seals").RequireAuthorization(Policies.SignedIn).WithTags("电子印章");
        seals.MapGet("/keys", (UnitKeyService keys) => keys.TrustListAsync());
        seals.MapPost("/verify", async (HttpRequest request, UnitKeyService keys, DocumentOptions options) =>
        {
            var (content, fileName) = await Upload.NamedFileAsync(request, options.MaxBytes);
            return Results.Ok(DocxSealVerifier.Verify(content.ToArray(), fileName, await keys.TrustListAsync()));
        }).DisableAntiforgery();
        return endpoints;
    }
}
