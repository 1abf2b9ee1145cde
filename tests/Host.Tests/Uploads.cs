using System.Net.Http.Headers;

namespace Decoupling.Host.Tests;

/// <summary>A file as a browser's form posts it (field "file"), for the upload endpoints.</summary>
public static class Uploads
{
    public static MultipartFormDataContent File(byte[] content, string fileName, string contentType = "application/octet-stream")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return form;
    }
}
