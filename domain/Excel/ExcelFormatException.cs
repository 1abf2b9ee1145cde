using Decoupling.Domain.Common;

namespace Decoupling.Domain.Excel;

/// <summary>The file as a whole cannot be read as the expected sheet (broken zip, no header, wrong headers).</summary>
public sealed class ExcelFormatException(string code, params object?[] args) : DomainException(code, args);
