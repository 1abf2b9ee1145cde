namespace Decoupling.Domain.Common;

/// <summary>One problem with one input field: the field's name, a stable code and the Chinese message.</summary>
public sealed record FieldError(string Field, string Code, string Message);
