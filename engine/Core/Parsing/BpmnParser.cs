using Decoupling.Engine.Model;

namespace Decoupling.Engine.Parsing;

/// <summary>
/// Reads BPMN 2.0 XML as bpmn-js writes it (with Camunda 7 camunda: attributes) into <see cref="BpmnDocument"/> and
/// validates it against the rules of this engine. Untrusted input is safe: no DTD, no resolver, size and depth caps.
/// </summary>
/// <example><code>
/// var document = BpmnParser.Parse(File.ReadAllText("leave.bpmn"), "leave.bpmn");
/// var process = document.Processes[0];
/// var errors = BpmnParser.Validate(xmlFromDesigner); // for the designer: every error with its element id
/// </code></example>
public static class BpmnParser
{
    /// <summary>Parses and validates; throws <see cref="BpmnValidationException"/> listing every error when there is one.</summary>
    public static BpmnDocument Parse(string xml, string resourceName = "definition.bpmn", ParseOptions? options = null)
    {
        var (document, errors) = Run(xml, options ?? ParseOptions.Default);
        if (document is null || errors.Count > 0)
        {
            throw new BpmnValidationException(resourceName, errors.Items);
        }

        return document;
    }

    /// <summary>Every error of the document without throwing (reading errors first, then rule errors per process); empty when it would parse.</summary>
    public static IReadOnlyList<ValidationError> Validate(string xml, ParseOptions? options = null) => Run(xml, options ?? ParseOptions.Default).Errors.Items;

    private static (BpmnDocument? Document, ValidationErrorList Errors) Run(string xml, ParseOptions options)
    {
        var errors = new ValidationErrorList();
        var tree = SecureXmlLoader.Load(xml, errors);
        if (tree is null)
        {
            return (null, errors);
        }

        var document = BpmnReader.Read(tree, errors);
        if (document is null)
        {
            return (null, errors);
        }

        foreach (var process in document.Processes)
        {
            BpmnRules.Check(process, errors, options);
        }

        return (document, errors);
    }
}
