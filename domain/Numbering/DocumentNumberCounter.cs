namespace Decoupling.Domain.Numbering;

/// <summary>The last sequence issued for one department's review documents in one year (one row per department and year).</summary>
public class DocumentNumberCounter
{
    public string DepartmentCode { get; set; } = "";

    public int Year { get; set; }

    public int LastSequence { get; set; }
}
