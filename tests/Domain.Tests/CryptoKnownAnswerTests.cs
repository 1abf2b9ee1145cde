using System.Text;
using Decoupling.Domain.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Security;

namespace Decoupling.Domain.Tests;

/// <summary>
/// The published examples of the standards: SM3 (GB/T 32905-2016 appendix A), SM2 signatures (GB/T 32918.2-2016
/// appendix A, on its 256-bit test curve, with its fixed k), SM4 (GB/T 32907-2016 appendix A). A wrong digest or
/// encoding anywhere in our wrappers fails these.
/// </summary>
public sealed class CryptoKnownAnswerTests
{
    [Fact]
    public void Sm3_of_abc_is_the_standards_example_1()
    {
        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", Sm3.Hex("abc"u8));
    }

    [Fact]
    public void Sm3_of_sixty_four_bytes_is_the_standards_example_2()
    {
        Assert.Equal("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732",
            Sm3.Hex(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("abcd", 16)))));
    }

    [Fact]
    public async Task Sm3_of_a_stream_equals_sm3_of_its_bytes()
    {
        var data = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("罗庄区脱钩", 50_000)));
        Assert.Equal(Sm3.Hex(data), await Sm3.HexAsync(new MemoryStream(data)));
    }

    [Fact]
    public void Sm2_signature_of_message_digest_is_the_standards_example()
    {
        var curve = TestCurve();
        var privateKey = Convert.FromHexString("128B2FA8BD433C6C068C8D803DFF79792A519A55171B1B650C23661D15897263");
        var publicKey = Sm2.PublicKeyOf(privateKey, curve);
        Assert.Equal("040AE4C7798AA0F119471BEE11825BE46202BB79E2A5844495E97C04FF4DF2548A7C0240F88F1CD4E16352A73C17B7F16F07353E53A176D684A9FE0C6BB798E857",
            Convert.ToHexString(publicKey));

        var message = Encoding.ASCII.GetBytes("message digest");
        var userId = Encoding.ASCII.GetBytes("ALICE123@YAHOO.COM");
        var signature = Sm2.Sign(privateKey, message, new FixedK("6CB28D99385C175C94F94E934817663FC176D925DD72B727260DBAAE1FB2F96F"), curve, userId);

        var sequence = Org.BouncyCastle.Asn1.Asn1Sequence.GetInstance(signature);
        Assert.Equal("40F1EC59F793D9F49E09DCEF49130D4194F79FB1EED2CAA55BACDB49C4E755D1",
            Org.BouncyCastle.Asn1.DerInteger.GetInstance(sequence[0]).Value.ToString(16).ToUpperInvariant());
        Assert.Equal("6FC6DAC32C5D5CF10C77DFB20F7C2EB667A457872FB09EC56327A67EC7DEEBE7",
            Org.BouncyCastle.Asn1.DerInteger.GetInstance(sequence[1]).Value.ToString(16).ToUpperInvariant());
        Assert.True(Sm2.Verify(publicKey, message, signature, curve, userId));
        Assert.False(Sm2.Verify(publicKey, Encoding.ASCII.GetBytes("message digesT"), signature, curve, userId));
        Assert.False(Sm2.Verify(publicKey, message, signature, curve, Encoding.ASCII.GetBytes("BOB")));
    }

    [Fact]
    public void Sm2_on_the_recommended_curve_signs_and_rejects_a_changed_message()
    {
        var (privateKey, publicKey) = Sm2.GenerateKeyPair();
        Assert.Equal(32, privateKey.Length);
        Assert.Equal(65, publicKey.Length);
        Assert.Equal(publicKey, Sm2.PublicKeyOf(privateKey));
        var signature = Sm2.Sign(privateKey, "盖章确认"u8);
        Assert.True(Sm2.Verify(publicKey, "盖章确认"u8, signature));
        Assert.False(Sm2.Verify(publicKey, "盖章确认。"u8, signature));
        Assert.False(Sm2.Verify(Sm2.GenerateKeyPair().PublicKey, "盖章确认"u8, signature));
        Assert.False(Sm2.Verify(publicKey, "盖章确认"u8, [0x30, 0x02, 0x01]));
    }

    [Fact]
    public void Sm4_block_of_the_standards_example()
    {
        var key = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
        var engine = new SM4Engine();
        engine.Init(true, new KeyParameter(key));
        var output = new byte[16];
        engine.ProcessBlock(key, 0, output, 0);
        Assert.Equal("681EDF34D206965E86B3E94F536E4246", Convert.ToHexString(output));
    }

    [Fact]
    public void Sm4_gcm_refuses_a_changed_ciphertext_a_wrong_key_and_a_moved_record()
    {
        var key = new MasterKey(Convert.FromHexString("00112233445566778899AABBCCDDEEFF"));
        var sealedData = key.Encrypt("unit-keys", "私钥"u8, "row-1");
        Assert.Equal("私钥"u8.ToArray(), key.Decrypt("unit-keys", sealedData, "row-1"));
        Assert.Null(key.Decrypt("unit-keys", sealedData, "row-2"));
        Assert.Null(key.Decrypt("data-protection", sealedData, "row-1"));
        Assert.Null(new MasterKey(new byte[16]).Decrypt("unit-keys", sealedData, "row-1"));
        sealedData[^1] ^= 1;
        Assert.Null(key.Decrypt("unit-keys", sealedData, "row-1"));
    }

    [Fact]
    public void A_master_key_of_the_wrong_length_is_refused_in_chinese()
    {
        var error = Assert.Throws<Decoupling.Domain.Common.DomainException>(() => MasterKey.FromHex("abc"));
        Assert.Contains("Security:MasterKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("32 位十六进制", error.Message, StringComparison.Ordinal);
    }

    /// <summary>GB/T 32918.2-2016 appendix A's prime-field test curve.</summary>
    private static ECDomainParameters TestCurve()
    {
        var p = new BigInteger("8542D69E4C044F18E8B92435BF6FF7DE457283915C45517D722EDB8B08F1DFC3", 16);
        var a = new BigInteger("787968B4FA32C3FD2417842E73BBFEFF2F3C848B6831D7E0EC65228B3937E498", 16);
        var b = new BigInteger("63E4C6D3B23B0C849CF84241484BFE48F61D59A5B16BA06E6E12D1DA27C5249A", 16);
        var n = new BigInteger("8542D69E4C044F18E8B92435BF6FF7DD297720630485628D5AE74EE7C32E79B7", 16);
        var curve = new FpCurve(p, a, b, n, BigInteger.One);
        var g = curve.CreatePoint(
            new BigInteger("421DEBD61B62EAB6746434EBC3CC315E32220B3BADD50BDC4C4E6C147FEDD43D", 16),
            new BigInteger("0680512BCBB42C07D47349D2153B70C4E5D7FDFCBFA36EA1A85841B9E46E09A2", 16));
        return new ECDomainParameters(curve, g, n, BigInteger.One);
    }

    /// <summary>Hands the signer the standard's k (the signer draws k as random bytes of the order's size).</summary>
    private sealed class FixedK(string hex) : SecureRandom
    {
        private readonly byte[] value = Convert.FromHexString(hex);

        public override void NextBytes(byte[] buffer) => NextBytes(buffer, 0, buffer.Length);

        public override void NextBytes(byte[] buffer, int start, int length) =>
            value.AsSpan(value.Length - length).CopyTo(buffer.AsSpan(start, length));

        public override void NextBytes(Span<byte> buffer) => value.AsSpan(value.Length - buffer.Length).CopyTo(buffer);
    }
}
