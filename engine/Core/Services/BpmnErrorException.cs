namespace Decoupling.Engine.Services;

/// <summary>A BPMN error thrown by a handler: caught by a boundary error event with the same code (or a catch-all).</summary>
public sealed class BpmnErrorException(string errorCode, string? message = null) : Exception(message ?? errorCode)
{
    public string ErrorCode { get; } = errorCode;
}
