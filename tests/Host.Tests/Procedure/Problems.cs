using System.Net;
using System.Text.Json.Nodes;

namespace Decoupling.Host.Tests.Procedure;

/// <summary>A refusal as the API gives it: the status, the stable code, and Chinese text for the person who caused it.</summary>
internal static class Problems
{
    public static async Task<JsonObject> ExpectAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(code, problem["code"]!.GetValue<string>());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem["detail"]!.GetValue<string>());
        return problem;
    }
}
