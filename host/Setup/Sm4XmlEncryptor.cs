using System.Text;
using System.Xml.Linq;
using Decoupling.Domain.Crypto;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Decoupling.Host.Setup;

/// <summary>
/// Encrypts the data-protection key ring (which signs every session cookie and antiforgery token) with SM4-GCM under
/// the master key before it is written to the keys folder: a copy of that folder alone no longer lets anyone forge a
/// session. Used when no certificate is configured (<c>DataProtection:CertificatePath</c>).
/// </summary>
public sealed class Sm4XmlEncryptor(MasterKey masterKey) : IXmlEncryptor
{
    public const string Purpose = "data-protection";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var bytes = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedData = masterKey.Encrypt(Purpose, bytes, "key-ring");
        var element = new XElement("sm4GcmEncryptedKey",
            new XComment(" SM4-GCM under the platform master key (Security:MasterKey) "),
            new XElement("value", Convert.ToBase64String(sealedData)));
        return new EncryptedXmlInfo(element, typeof(Sm4XmlDecryptor));
    }
}
