namespace Decoupling.Domain.Documents;

/// <summary>Where document bytes live. Keys are chosen by the store, never derived from user-supplied names.</summary>
public interface IFileStore
{
    /// <summary>Stores the content and returns its key; <paramref name="created"/> tells whether it was new.</summary>
    Task<(string Key, bool Created)> PutAsync(Stream content, CancellationToken cancellationToken = default);

    /// <summary>Opens stored content for reading; throws a DomainException when it is missing.</summary>
    Task<Stream> OpenAsync(string key, CancellationToken cancellationToken = default);

    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
}
