using Decoupling.Domain.Register;

namespace Decoupling.Domain.Tests;

public class CreditCodeTests
{
    [Fact]
    public void Generated_codes_are_valid_and_belong_to_luozhuang_social_groups()
    {
        var generator = new CreditCodeGenerator(7);
        for (var i = 0; i < 200; i++)
        {
            var code = generator.Next();
            Assert.True(UnifiedSocialCreditCode.Validate(code).IsValid, code);
            Assert.StartsWith("51371311", code);
        }
    }

    [Fact]
    public void A_published_real_code_is_valid()
    {
        // the example code printed in GB 32100-2015's explanatory material
        Assert.True(UnifiedSocialCreditCode.Validate("91350100M000100Y43").IsValid);
    }

    [Theory]
    [InlineData("", DomainErrorCodes.CreditCodeEmpty)]
    [InlineData("51371311MJ12345", DomainErrorCodes.CreditCodeLength)]
    [InlineData("51371311MJ123456789", DomainErrorCodes.CreditCodeLength)]
    [InlineData("51371311IJ1234567X", DomainErrorCodes.CreditCodeCharset)]
    [InlineData("51371311mj1234567X", DomainErrorCodes.CreditCodeCharset)]
    public void An_invalid_code_is_refused_with_its_reason(string code, string reason)
    {
        var check = UnifiedSocialCreditCode.Validate(code);

        Assert.False(check.IsValid);
        Assert.Equal(reason, check.Code);
        Assert.False(string.IsNullOrWhiteSpace(check.Message));
    }

    [Fact]
    public void A_wrong_check_character_is_refused_naming_the_expected_one()
    {
        var valid = new CreditCodeGenerator(1).Next();
        var expected = valid[17];
        var wrong = UnifiedSocialCreditCode.Alphabet.First(c => c != expected);

        var check = UnifiedSocialCreditCode.Validate(valid[..17] + wrong);

        Assert.Equal(DomainErrorCodes.CreditCodeCheckCharacter, check.Code);
        Assert.Contains($"“{expected}”", check.Message);
        Assert.Contains($"“{wrong}”", check.Message);
    }

    [Fact]
    public void The_charset_reason_names_the_position_of_the_bad_character()
    {
        var check = UnifiedSocialCreditCode.Validate("51371311OJ1234567X");

        Assert.Equal(DomainErrorCodes.CreditCodeCharset, check.Code);
        Assert.Contains("第 9 位", check.Message);
    }
}
