using Decoupling.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Decoupling.Domain.Register;

/// <summary>
/// Valid codes for seed and test data: registration authority 5 (civil affairs), type 1 (social group), area code
/// (371311 罗庄区 by default), a 9-character organisation code (itself with a GB 11714 check digit) and the check
/// character. Deterministic for a given seed so seed files are reproducible.
/// </summary>
public sealed class CreditCodeGenerator(int seed, string areaCode = "371311")
{
    private static readonly int[] OrganisationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    private readonly Random _random = new(seed);

    public string Next()
    {
        var body = new char[8];
        for (var i = 0; i < body.Length; i++)
        {
            // digits only in the body keep the organisation check computable with the GB 11714 rule
            body[i] = (char)('0' + _random.Next(10));
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (body[i] - '0') * OrganisationWeights[i];
        }

        var orgCheck = 11 - (sum % 11);
        // GB 11714 writes 10 as X and 11 as 0
        var orgCheckChar = orgCheck switch { 10 => 'X', 11 => '0', _ => (char)('0' + orgCheck) };

        var first17 = "51" + areaCode + new string(body) + orgCheckChar;
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }

    /// <summary>
    /// A code no association holds yet, the same for the same <paramref name="key"/> (a repeated registration step assigns
    /// the same code): what the registration authority gives a body it registers.
    /// </summary>
    public static async Task<string> NextFreeAsync(PlatformDbContext db, string key, CancellationToken cancellationToken = default)
    {
        var seed = BitConverter.ToInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)), 0);
        var generator = new CreditCodeGenerator(seed);
        while (true)
        {
            var code = generator.Next();
            if (!await db.Associations.AnyAsync(a => a.CreditCode == code, cancellationToken))
            {
                return code;
            }
        }
    }
}
