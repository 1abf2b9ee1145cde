using Decoupling.Engine.Resources;

namespace Decoupling.Host.Endpoints;

/// <summary>Reads a text body with a hard size cap, so a 50 MB "BPMN" is refused before it is parsed.</summary>
public static class RequestBody
{
    /// <summary>The parser's own limit (SecureXmlLoader.MaxCharacters): a body the parser would refuse is not worth reading.</summary>
    public const int MaxDefinitionChars = 10 * 1024 * 1024;

    public static async Task<string> ReadTextAsync(HttpRequest request, int maxChars = MaxDefinitionChars)
    {
        // a UTF-8 character is at most 4 bytes: a longer declared body cannot fit, refuse it without reading a byte
        if (request.ContentLength > maxChars * 4L)
        {
            throw TooLarge(maxChars);
        }

        using var reader = new StreamReader(request.Body);
        var buffer = new char[maxChars + 1];
        var read = 0;
        int n;
        while (read <= maxChars && (n = await reader.ReadAsync(buffer.AsMemory(read, buffer.Length - read))) > 0)
        {
            read += n;
        }

        if (read > maxChars)
        {
            throw TooLarge(maxChars);
        }

        return new string(buffer, 0, read);
    }

    /// <summary>The designer's code for an oversized document (the parser's BPMN_XML_TOO_LARGE) with the limit in the message.</summary>
    public static RequestTooLargeException TooLarge(int maxChars = MaxDefinitionChars) =>
        new("BPMN_XML_TOO_LARGE", EngineText.Get("BPMN_XML_BODY_TOO_LARGE", maxChars, maxChars / (1024 * 1024)));
}
