using System.Xml;

namespace Decoupling.Engine.Parsing;

/// <summary>
/// What went wrong in malformed XML, as a message code: .NET's parser explains it in English, and the people who read
/// the designer's errors read Chinese. The position comes from the exception; this names the kind of mistake.
/// </summary>
internal static class XmlErrorKind
{
    public static string Of(XmlException exception)
    {
        var message = exception.Message;
        return message switch
        {
            _ when message.Contains("does not match the end tag", StringComparison.Ordinal) => "BPMN_XML_DETAIL_TAG_MISMATCH",
            _ when message.Contains("Unexpected end of file", StringComparison.Ordinal) || message.Contains("not closed", StringComparison.Ordinal) => "BPMN_XML_DETAIL_UNCLOSED",
            _ when message.Contains("Root element is missing", StringComparison.Ordinal) => "BPMN_XML_DETAIL_EMPTY",
            _ when message.Contains("root level is invalid", StringComparison.Ordinal) => "BPMN_XML_DETAIL_NOT_XML",
            _ when message.Contains("undeclared prefix", StringComparison.Ordinal) => "BPMN_XML_DETAIL_PREFIX",
            _ when message.Contains("duplicate attribute", StringComparison.Ordinal) => "BPMN_XML_DETAIL_DUPLICATE_ATTRIBUTE",
            _ when message.Contains("entity", StringComparison.OrdinalIgnoreCase) || message.Contains("character", StringComparison.OrdinalIgnoreCase) => "BPMN_XML_DETAIL_CHARACTER",
            _ when message.Contains("multiple root elements", StringComparison.Ordinal) => "BPMN_XML_DETAIL_MULTIPLE_ROOTS",
            _ => "BPMN_XML_DETAIL_OTHER",
        };
    }
}
