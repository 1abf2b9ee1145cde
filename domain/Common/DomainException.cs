using Decoupling.Domain.Resources;

namespace Decoupling.Domain.Common;

/// <summary>A refused operation: a stable <see cref="Code"/> for programs and a Chinese message for people.</summary>
public class DomainException : Exception
{
    public DomainException(string code, params object?[] args)
        : base(DomainText.Get(code, args))
    {
        Code = code;
        Arguments = args;
    }

    public string Code { get; }

    public IReadOnlyList<object?> Arguments { get; }
}
