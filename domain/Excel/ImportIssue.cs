namespace Decoupling.Domain.Excel;

/// <summary>
/// One problem found in an uploaded spreadsheet: the Excel row number (header = 1) and column header it is in, or
/// neither for a problem with the whole file; a stable code and the Chinese reason.
/// </summary>
public sealed record ImportIssue(int? Row, string? Column, string Code, string Message)
{
    /// <summary>The full sentence for people, e.g. 第 3 行“会员数”列：“abc”不是有效的整数.</summary>
    public string Describe() => Row is null
        ? Message
        : Resources.DomainText.Get(DomainErrorCodes.ExcelRowError, Row, Column, Message);
}
