using Decoupling.Domain;
using Decoupling.Domain.Common;

namespace Decoupling.Host.Endpoints;

/// <summary>Reads one uploaded file (multipart field "file") with a size cap, refusing early rather than buffering a huge body.</summary>
public static class Upload
{
    public static async Task<MemoryStream> SingleFileAsync(HttpRequest request, long maxBytes)
    {
        RefuseDeclaredOversize(request, maxBytes);
        if (!request.HasFormContentType)
        {
            throw new BadHttpRequestException("multipart/form-data with a file is expected");
        }

        var form = await request.ReadFormAsync();
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault() ?? throw new BadHttpRequestException("no file in the request");
        if (file.Length > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        buffer.Position = 0;
        return buffer;
    }

    public static async Task<(MemoryStream Content, string FileName)> NamedFileAsync(HttpRequest request, long maxBytes)
    {
        RefuseDeclaredOversize(request, maxBytes);
        var form = await request.ReadFormAsync();
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault() ?? throw new BadHttpRequestException("no file in the request");
        if (file.Length > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        buffer.Position = 0;
        return (buffer, file.FileName);
    }

    /// <summary>
    /// A form with any number of files (the publication's attachments): its fields and each file read into memory,
    /// every file within <paramref name="maxBytesEach"/> and the whole body within <paramref name="maxTotal"/>.
    /// </summary>
    public static async Task<(IFormCollection Form, List<(MemoryStream Content, string FileName)> Files)> FormWithFilesAsync(HttpRequest request, long maxBytesEach, long maxTotal)
    {
        RefuseDeclaredOversize(request, maxTotal);
        if (!request.HasFormContentType)
        {
            throw new BadHttpRequestException("multipart/form-data is expected");
        }

        var form = await request.ReadFormAsync();
        if (form.Files.Sum(f => f.Length) > maxTotal)
        {
            throw TooLarge(maxTotal);
        }

        var files = new List<(MemoryStream, string)>();
        foreach (var file in form.Files)
        {
            if (file.Length > maxBytesEach)
            {
                throw TooLarge(maxBytesEach);
            }

            var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            buffer.Position = 0;
            files.Add((buffer, file.FileName));
        }

        return (form, files);
    }

    /// <summary>
    /// A body declared larger than the file limit plus room for the multipart envelope cannot hold an acceptable file:
    /// refused before the form is buffered, with the same message (limit in MB) as a file found too large after reading.
    /// </summary>
    private static void RefuseDeclaredOversize(HttpRequest request, long maxBytes)
    {
        if (request.ContentLength > maxBytes + 64 * 1024)
        {
            throw TooLarge(maxBytes);
        }
    }

    private static DomainException TooLarge(long maxBytes) => new(DomainErrorCodes.DocumentTooLarge, maxBytes / (1024.0 * 1024.0));
}
