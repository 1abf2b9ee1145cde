using Decoupling.Domain.Common;
using Decoupling.Domain.Resources;

namespace Decoupling.Domain.Register;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, Z, S, V); the last is a
/// check character, 31 minus the weighted sum of the first 17 modulo 31.
/// </summary>
public static class UnifiedSocialCreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static CreditCodeCheck Validate(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return Fail(DomainErrorCodes.CreditCodeEmpty);
        }

        if (code.Length != 18)
        {
            return Fail(DomainErrorCodes.CreditCodeLength, code.Length);
        }

        for (var i = 0; i < code.Length; i++)
        {
            if (Alphabet.IndexOf(code[i]) < 0)
            {
                return Fail(DomainErrorCodes.CreditCodeCharset, i + 1, code[i]);
            }
        }

        var expected = CheckCharacter(code.AsSpan(0, 17));
        return expected == code[17] ? CreditCodeCheck.Valid : Fail(DomainErrorCodes.CreditCodeCheckCharacter, expected, code[17]);
    }

    /// <summary>The check character for the first 17 characters (which must be in <see cref="Alphabet"/>).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("17 characters expected", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i]);
            if (value < 0)
            {
                throw new ArgumentException($"character {first17[i]} outside the alphabet", nameof(first17));
            }

            sum += value * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>Upper-cases and trims what people type; full-width characters are folded to ASCII.</summary>
    public static string Normalize(string code) =>
        new string(code.Trim().Select(c => c is >= '！' and <= '～' ? (char)(c - 0xFEE0) : c).ToArray()).ToUpperInvariant();

    private static CreditCodeCheck Fail(string code, params object?[] args) => new(false, code, DomainText.Get(code, args));
}
