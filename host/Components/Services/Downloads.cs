using Microsoft.JSInterop;

namespace Decoupling.Host.Components.Services;

/// <summary>Sends a generated file (an export, a document) to the browser as a download.</summary>
public sealed class Downloads(IJSRuntime js)
{
    public async Task SaveAsync(string fileName, Stream content)
    {
        content.Position = 0;
        using var reference = new DotNetStreamReference(content, leaveOpen: false);
        await js.InvokeVoidAsync("platformDownload", fileName, reference);
    }
}
