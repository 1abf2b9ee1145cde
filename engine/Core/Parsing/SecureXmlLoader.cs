using System.Xml;
using System.Xml.Linq;

namespace Decoupling.Engine.Parsing;

/// <summary>
/// Loads untrusted XML: no DTD (so no entity expansion and no external entities), no resolver, a size cap and a depth cap.
/// Depth is checked in a streaming pass first so that a hostile document never becomes a tree.
/// </summary>
internal static class SecureXmlLoader
{
    public const int MaxCharacters = 10 * 1024 * 1024;
    public const int MaxDepth = 200;

    public static XDocument? Load(string? xml, ValidationErrorList errors)
    {
        if (string.IsNullOrEmpty(xml))
        {
            errors.AddDocument("BPMN_XML_MALFORMED", 0, 0, "empty document");
            return null;
        }

        if (xml.Length > MaxCharacters)
        {
            errors.AddDocument("BPMN_XML_TOO_LARGE", xml.Length, MaxCharacters);
            return null;
        }

        try
        {
            using (var reader = XmlReader.Create(new StringReader(xml), Settings()))
            {
                while (reader.Read())
                {
                    if (reader.Depth > MaxDepth)
                    {
                        var position = (IXmlLineInfo)reader;
                        errors.AddDocument("BPMN_XML_TOO_DEEP", position.LineNumber, position.LinePosition, MaxDepth);
                        return null;
                    }
                }
            }

            using var treeReader = XmlReader.Create(new StringReader(xml), Settings());
            return XDocument.Load(treeReader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex) when (xml.Contains("<!DOCTYPE", StringComparison.Ordinal))
        {
            errors.AddDocument("BPMN_XML_DTD", ex.LineNumber, ex.LinePosition);
            return null;
        }
        catch (XmlException ex)
        {
            errors.AddDocument("BPMN_XML_MALFORMED", ex.LineNumber, ex.LinePosition, Resources.EngineText.Get(XmlErrorKind.Of(ex)));
            return null;
        }
    }

    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };
}
