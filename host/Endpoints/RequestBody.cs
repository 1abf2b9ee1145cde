namespace Decoupling.Host.Endpoints;

/// <summary>Reads a text body with a hard size cap, so a 50 MB "BPMN" is refused before it is parsed.</summary>
public static class RequestBody
{
    public const int MaxDefinitionChars = 10 * 1024 * 1024;

    public static async Task<string> ReadTextAsync(HttpRequest request, int maxChars = MaxDefinitionChars)
    {
        if (request.ContentLength > maxChars * 4L)
        {
            throw new BadHttpRequestException("body too large", StatusCodes.Status413PayloadTooLarge);
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
            throw new BadHttpRequestException("body too large", StatusCodes.Status413PayloadTooLarge);
        }

        return new string(buffer, 0, read);
    }
}
