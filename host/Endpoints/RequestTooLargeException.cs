namespace Decoupling.Host.Endpoints;

/// <summary>
/// A request body over an endpoint's limit, refused before it is read or parsed. Carries the stable code the endpoint's
/// other errors use (BPMN_XML_TOO_LARGE for definitions) so the designer shows it like any other refusal, answered 413.
/// </summary>
public sealed class RequestTooLargeException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
