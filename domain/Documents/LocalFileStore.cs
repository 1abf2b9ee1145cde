using System.Security.Cryptography;
using Decoupling.Domain.Common;

namespace Decoupling.Domain.Documents;

/// <summary>
/// Content-addressed store in a local folder: a file's key is its SHA-256 (hex) and its path is
/// root/ab/cd/abcd…; identical uploads share one file and no user input ever reaches a path.
/// </summary>
public sealed class LocalFileStore : IFileStore
{
    private readonly string _root;

    public LocalFileStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public string Root => _root;

    public async Task<(string Key, bool Created)> PutAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var temp = Path.Combine(_root, "tmp-" + Guid.NewGuid().ToString("N"));
        string key;
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, true))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                key = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            var target = PathOf(key);
            if (File.Exists(target))
            {
                return (key, false);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(temp, target);
            return (key, true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    public Task<Stream> OpenAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            throw new DomainException(DomainErrorCodes.DocumentStoredFileMissing, key);
        }

        return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, true));
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    /// <summary>The path of a key; refuses anything but 64 lower-case hex digits so a key cannot walk the tree.</summary>
    public string PathOf(string key)
    {
        if (key.Length != 64 || !key.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f'))
        {
            throw new DomainException(DomainErrorCodes.DocumentStoreKeyInvalid, key);
        }

        return Path.Combine(_root, key[..2], key[2..4], key);
    }
}
