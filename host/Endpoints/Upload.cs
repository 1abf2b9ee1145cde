namespace Decoupling.Host.Endpoints;

/// <summary>Reads one uploaded file (multipart field "file") with a size cap, refusing early rather than buffering a huge body.</summary>
public static class Upload
{
    public static async Task<MemoryStream> SingleFileAsync(HttpRequest request, long maxBytes)
    {
        if (request.ContentLength > maxBytes + 64 * 1024)
        {
            throw new BadHttpRequestException("file too large", StatusCodes.Status413PayloadTooLarge);
        }

        if (!request.HasFormContentType)
        {
            throw new BadHttpRequestException("multipart/form-data with a file is expected");
        }

        var form = await request.ReadFormAsync();
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault() ?? throw new BadHttpRequestException("no file in the request");
        if (file.Length > maxBytes)
        {
            throw new BadHttpRequestException("file too large", StatusCodes.Status413PayloadTooLarge);
        }

        var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        buffer.Position = 0;
        return buffer;
    }

    public static async Task<(MemoryStream Content, string FileName)> NamedFileAsync(HttpRequest request, long maxBytes)
    {
        var form = await request.ReadFormAsync();
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault() ?? throw new BadHttpRequestException("no file in the request");
        if (file.Length > maxBytes)
        {
            throw new BadHttpRequestException("file too large", StatusCodes.Status413PayloadTooLarge);
        }

        var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        buffer.Position = 0;
        return (buffer, file.FileName);
    }
}
