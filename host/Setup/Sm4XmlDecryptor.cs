using System.Text;
using System.Xml.Linq;
using Decoupling.Domain.Crypto;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Decoupling.Host.Setup;

/// <summary>Reads what <see cref="Sm4XmlEncryptor"/> wrote; data protection creates it through the service provider.</summary>
public sealed class Sm4XmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var masterKey = services.GetRequiredService<MasterKey>();
        var value = Convert.FromBase64String(encryptedElement.Element("value")?.Value ?? "");
        var bytes = masterKey.Decrypt(Sm4XmlEncryptor.Purpose, value, "key-ring")
            ?? throw new InvalidOperationException("数据保护密钥无法解密：主密钥（Security:MasterKey）与加密时不同，或密钥文件被改动。");
        return XElement.Parse(Encoding.UTF8.GetString(bytes));
    }
}
